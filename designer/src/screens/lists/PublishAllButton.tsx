/**
 * "发布全部草稿": publishes every draft of the platform as one set, after a confirmation that
 * lists them. A new item only publishes together with its new form, checklist and templates,
 * and a list only with the new items it names, so one set is what a user usually means.
 */
import { CloudUploadOutlined } from '@ant-design/icons';
import { App, Button, List, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type Problem } from '../../api/client';
import { definitionsApi, textOf, type DefinitionSummary } from '../../api/definitions';
import { ProblemList } from '../../components/ProblemList';

export function PublishAllButton({ onPublished, beforeOpen }: { onPublished?: () => void; beforeOpen?: () => Promise<boolean> }) {
  const { t, i18n } = useTranslation('lists');
  const { message } = App.useApp();
  const [drafts, setDrafts] = useState<DefinitionSummary[] | undefined>(undefined);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [isBusy, setBusy] = useState(false);
  const open = async () => {
    if (beforeOpen && !(await beforeOpen())) return;
    setProblems([]);
    setDrafts(await definitionsApi.list({ status: 'draft' }));
  };
  const publish = async () => {
    setBusy(true);
    try {
      const result = await definitionsApi.publish();
      message.success(t('published', { ns: 'common', count: result.published.length }));
      setDrafts(undefined);
      onPublished?.();
    } catch (error) {
      const failure = error as ApiError;
      setProblems(failure.problems ?? []);
      message.error(t('publishFailed', { ns: 'common', detail: failure.message }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button icon={<CloudUploadOutlined />} onClick={() => void open()} data-testid="publish-all">
        {t('publishAll')}
      </Button>
      <Modal
        open={drafts !== undefined}
        title={t('publishAllTitle')}
        okText={t('publishAllOk')}
        okButtonProps={{ disabled: drafts?.length === 0, loading: isBusy, 'data-testid': 'publish-all-confirm' } as never}
        onOk={() => void publish()}
        onCancel={() => setDrafts(undefined)}
        width={720}
        destroyOnHidden
      >
        <Typography.Paragraph>{drafts?.length === 0 ? t('publishAllNone') : t('publishAllIntro')}</Typography.Paragraph>
        <List
          size="small"
          data-testid="publish-all-drafts"
          dataSource={drafts ?? []}
          renderItem={(d) => (
            <List.Item>
              <Tag>{t(`kind_${d.kind}`)}</Tag>
              <Typography.Text>{textOf(d.title, i18n.language)}</Typography.Text> <Typography.Text code>{d.id}</Typography.Text>
            </List.Item>
          )}
        />
        <ProblemList problems={problems} />
      </Modal>
    </>
  );
}
