/**
 * "导出 Excel" downloads the list as a workbook with the seed's columns; "导入 Excel" uploads an
 * edited copy. The server saves a draft of each changed item (and of the list when rows moved),
 * or, when any cell is wrong, nothing: the result names each problem's row and column.
 */
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, List, Modal, Table, Tag, Tooltip, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError, type Problem } from '../../api/client';
import { cellOf, workbooksApi, type WorkbookImport } from '../../api/workbooks';

export interface ImportOutcome {
  changed: WorkbookImport['changed'];
  problems: Problem[];
  isRefused: boolean;
}

function CellProblems({ problems }: { problems: Problem[] }) {
  const { t } = useTranslation('lists');
  return (
    <Table<Problem>
      size="small"
      pagination={false}
      rowKey={(p) => `${p.path} ${p.code} ${p.message}`}
      dataSource={problems}
      data-testid="import-problems"
      columns={[
        { title: t('row'), width: 64, render: (_, p) => cellOf(p.path).row ?? '' },
        { title: t('column'), width: 120, render: (_, p) => cellOf(p.path).column ?? '' },
        { title: t('problem'), render: (_, p) => (p.suggestion ? `${p.message}（${p.suggestion}）` : p.message) },
      ]}
    />
  );
}

/**
 * The buttons. `onImported` hears every outcome, refused ones too; the caller shows it with
 * ImportResult outside the editor frame, which re-renders while the imported drafts load.
 */
export function WorkbookActions({ listId, isDirty, onImported }: { listId: string; isDirty: boolean; onImported(outcome: ImportOutcome): void }) {
  const { t } = useTranslation('lists');
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [isBusy, setBusy] = useState(false);
  const pick = () => {
    if (isDirty) message.warning(t('importDirty'));
    else input.current?.click();
  };
  const upload = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    try {
      const result = await workbooksApi.upload(listId, file);
      message.success(result.changed.length === 0 ? t('importNothing') : t('importDone', { count: result.changed.length }));
      onImported({ ...result, isRefused: false });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      message.error(t('importFailed', { count: Math.max(1, error.problems.length) }));
      onImported({ changed: [], problems: error.problems.length > 0 ? error.problems : [{ code: error.code, path: '', message: error.message }], isRefused: true });
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };
  return (
    <>
      <Tooltip title={t('exportHint')}>
        <Button icon={<DownloadOutlined />} href={workbooksApi.url(listId)} download={`${listId}.xlsx`} data-testid="export-excel">
          {t('exportExcel')}
        </Button>
      </Tooltip>
      <Button icon={<UploadOutlined />} onClick={pick} loading={isBusy} data-testid="import-excel">
        {t('importExcel')}
      </Button>
      <input
        ref={input}
        type="file"
        hidden
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label={t('importExcel')}
        data-testid="import-excel-file"
        onChange={(e) => void upload(e.target.files?.[0])}
      />
    </>
  );
}

/** What an import saved, or why it saved nothing, each problem with its row and column. */
export function ImportResult({ outcome, onClose }: { outcome: ImportOutcome | undefined; onClose(): void }) {
  const { t } = useTranslation('lists');
  return (
    <Modal open={outcome !== undefined} title={t('importResult')} footer={null} onCancel={onClose} width={820} destroyOnHidden>
      {outcome && (
        <div data-testid="import-result" data-refused={outcome.isRefused ? 'true' : 'false'}>
          <Typography.Paragraph strong>
            {outcome.isRefused ? t('importFailed', { count: outcome.problems.length }) : outcome.changed.length === 0 ? t('importNothing') : t('importDone', { count: outcome.changed.length })}
          </Typography.Paragraph>
          {outcome.changed.length > 0 && (
            <List
              size="small"
              header={t('importChanged')}
              dataSource={outcome.changed}
              data-testid="import-changed"
              renderItem={(c) => (
                <List.Item>
                  <Tag>{t(`kind_${c.kind}`)}</Tag>
                  {c.kind === 'ServiceItem' ? <Link to={`/studio/items/${encodeURIComponent(c.id)}`}>{c.id}</Link> : <Typography.Text code>{c.id}</Typography.Text>}
                </List.Item>
              )}
            />
          )}
          {outcome.problems.length > 0 && (
            <>
              {!outcome.isRefused && <Typography.Paragraph style={{ marginTop: 16 }}>{t('importBlocking')}</Typography.Paragraph>}
              <CellProblems problems={outcome.problems} />
            </>
          )}
        </div>
      )}
    </Modal>
  );
}
