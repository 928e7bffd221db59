/**
 * Import a definition set from a JSON file: see what it holds against what exists, validate it
 * on the server (problems by document and field), save all as drafts with progress, publish.
 */
import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Progress, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client';
import { ProblemList } from '../../components/ProblemList';
import { ImportTable } from './ImportTable';
import { useImport, type ImportState } from './useImport';

function readErrorText(t: (key: string, options?: Record<string, unknown>) => string, error: NonNullable<ImportState['readError']>): string {
  if (error.error === 'badJson') return t('badJson', { detail: error.detail });
  if (error.error === 'badEntry') return t('badEntry', { index: error.index });
  return t('badSet');
}

export function ImportPanel() {
  const { t } = useTranslation('transfer');
  const { message } = App.useApp();
  const { state, read, validate, saveAll, publishSaved } = useImport();
  const [isPublished, setPublished] = useState(false);
  const problemCount = (state.problems ?? []).reduce((sum, list) => sum + list.length, 0) + state.otherProblems.length;
  const savedCount = state.outcomes.filter((o) => o?.isSaved).length;
  const failedCount = state.outcomes.filter((o) => o && !o.isSaved).length;
  const isSaveDone = state.progress !== undefined && state.progress.done === state.progress.total && !state.isBusy;
  const sameCount = state.comparisons.filter((c) => c.state === 'same').length;

  async function onSave() {
    const outcomes = await saveAll();
    const saved = outcomes.filter((o) => o?.isSaved).length;
    const failed = outcomes.filter((o) => o && !o.isSaved).length;
    if (failed > 0) message.warning(`${t('savedAll', { count: saved })}；${t('saveSomeFailed', { failed })}`);
    else message.success(t('savedAll', { count: saved }));
  }

  async function onPublish() {
    try {
      const result = await publishSaved();
      setPublished(true);
      message.success(t('publishedAll', { count: result.published.length }));
    } catch (error) {
      message.error(t('publishFailed', { detail: (error as ApiError).message }));
    }
  }

  return (
    <Flex vertical gap={12} data-testid="import-panel">
      <Upload.Dragger
        accept=".json,application/json"
        showUploadList={false}
        beforeUpload={(file) => {
          setPublished(false);
          void file.text().then((text) => read(file.name, text));
          return false;
        }}
        data-testid="import-file"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('chooseFile')}</p>
        <p className="ant-upload-hint">{t('chooseFileHint')}</p>
      </Upload.Dragger>
      {state.readError && <Alert type="error" showIcon data-testid="import-read-error" title={readErrorText(t, state.readError)} />}
      {state.docs.length > 0 && (
        <>
          <Typography.Text data-testid="import-summary">{t('fileName', { name: state.fileName, count: state.docs.length })}</Typography.Text>
          <ImportTable docs={state.docs} comparisons={state.comparisons} problems={state.problems} outcomes={state.outcomes} />
          {state.problems && problemCount === 0 && <Alert type="success" showIcon title={t('validOk')} data-testid="import-valid" />}
          {state.problems && problemCount > 0 && <Alert type="warning" showIcon title={t('validProblems', { count: problemCount })} data-testid="import-invalid" />}
          <ProblemList problems={state.otherProblems} />
          <Flex gap={8} wrap>
            <Button onClick={() => void validate()} loading={state.isBusy && !state.progress} data-testid="import-validate">
              {t('validateButton')}
            </Button>
            <Button type={isSaveDone ? 'default' : 'primary'} disabled={!state.problems || state.isBusy} onClick={() => void onSave()} data-testid="import-save">
              {t('saveAll')}
            </Button>
            {isSaveDone && savedCount > 0 && (
              <Button type="primary" disabled={isPublished} loading={state.isBusy} onClick={() => void onPublish()} data-testid="import-publish">
                {t('publishAll')}
              </Button>
            )}
          </Flex>
          {state.progress && (
            <div>
              <Typography.Text type="secondary">{t('saving')}</Typography.Text>
              <Progress
                percent={state.progress.total === 0 ? 100 : Math.round((state.progress.done / state.progress.total) * 100)}
                format={() => `${state.progress!.done}/${state.progress!.total}`}
                data-testid="import-progress"
              />
              {isSaveDone && (
                <Typography.Text data-testid="import-saved">
                  {[t('savedAll', { count: savedCount }), failedCount > 0 && t('saveSomeFailed', { failed: failedCount }), sameCount > 0 && t('skippedSame', { count: sameCount })]
                    .filter(Boolean)
                    .join('；')}
                </Typography.Text>
              )}
            </div>
          )}
        </>
      )}
    </Flex>
  );
}
