/**
 * My cases: each with its item, status, current step and due date, newest first; opening one
 * shows its progress. Saved application drafts are listed above, to continue where I stopped.
 */
import { Alert, Button, Card, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { portalApi, type CaseSummary } from '../../api/portal';
import { formatDateTime } from '../../components/time';
import { DueDate, StatusTag } from './status';

export function MyCasesPage() {
  const { t } = useTranslation('portal');
  const [cases, setCases] = useState<CaseSummary[] | undefined>();
  const [next, setNext] = useState<string | null>(null);
  const [drafts, setDrafts] = useState<Array<{ itemId: string; itemTitle: string | null; savedAt: string }>>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    portalApi.myCases().then(
      (page) => {
        setCases(page.cases);
        setNext(page.next);
      },
      (failure: Error) => setError(failure.message),
    );
    portalApi.myDrafts().then(setDrafts, () => setDrafts([]));
  }, []);

  const loadMore = async () => {
    if (!next) return;
    const page = await portalApi.myCases(next);
    setCases((current) => [...(current ?? []), ...page.cases]);
    setNext(page.next);
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('myCases')}
      </Typography.Title>
      {error && <Alert type="error" showIcon title={t('loadFailed', { detail: error })} />}
      {drafts.length > 0 && (
        <Card title={t('myDrafts')} size="small" data-testid="my-drafts">
          {drafts.map((draft) => (
            <div key={draft.itemId}>
              <Link to={`/portal/apply/${encodeURIComponent(draft.itemId)}`}>{draft.itemTitle ?? draft.itemId}</Link>
              <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                {t('draftSavedAt', { at: formatDateTime(draft.savedAt) })}
              </Typography.Text>
            </div>
          ))}
        </Card>
      )}
      <Table
        data-testid="my-cases"
        rowKey="id"
        loading={!cases && !error}
        dataSource={cases ?? []}
        pagination={false}
        locale={{ emptyText: t('noCases') }}
        columns={[
          { title: t('caseNumber'), render: (_, row) => <Link to={`/portal/cases/${row.id}`}>{row.number}</Link> },
          { title: t('item'), dataIndex: 'itemTitle' },
          { title: t('status'), render: (_, row) => <StatusTag status={row.status} /> },
          { title: t('currentStep'), dataIndex: 'stepTitle' },
          { title: t('dueDate'), render: (_, row) => <DueDate dueAt={row.dueAt} dueState={row.dueState} /> },
          { title: t('submittedAt'), render: (_, row) => formatDateTime(row.createdAt) },
        ]}
      />
      {next && (
        <Button onClick={() => void loadMore()} data-testid="load-more">
          {t('loadMore')}
        </Button>
      )}
    </Space>
  );
}
