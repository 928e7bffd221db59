/**
 * The platform's service lists, own and inherited, grouped by type (公共, 个性化, 增值, 实施), with
 * "new" (an id and a type) and "发布全部草稿".
 */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { ServiceList } from '../../../../engine/kinds/service-list';
import { definitionsApi, textOf, type DefinitionSummary } from '../../api/definitions';
import { latestPerId, newIdError } from '../../components/DefinitionIndex';
import { versionToEdit } from '../../components/useDefinitionEditor';
import { listTypes, type ListType } from './listColumns';
import { PublishAllButton } from './PublishAllButton';

interface ListSummary extends DefinitionSummary {
  listType: ListType;
  count: number;
}

async function loadLists(): Promise<ListSummary[]> {
  const summaries = latestPerId(await definitionsApi.list({ kind: 'ServiceList' }));
  return Promise.all(
    summaries.map(async (summary) => {
      const body = versionToEdit(await definitionsApi.versions<ServiceList>('ServiceList', summary.id))?.body;
      return { ...summary, listType: body?.listType ?? 'public', count: body?.entries.length ?? 0 };
    }),
  );
}

export function ListsIndex() {
  const { t, i18n } = useTranslation('lists');
  const navigate = useNavigate();
  const [lists, setLists] = useState<ListSummary[] | undefined>(undefined);
  const [generation, setGeneration] = useState(0);
  const [creating, setCreating] = useState<{ id: string; listType: ListType } | undefined>(undefined);
  useEffect(() => {
    void loadLists().then(setLists);
  }, [generation]);
  const idError = newIdError(creating?.id ?? '', lists, t);
  const create = () => {
    if (!creating || creating.id === '' || idError) return;
    navigate(`/studio/lists/${creating.id}?new=1&listType=${creating.listType}`);
  };
  return (
    <div>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('title')}
        </Typography.Title>
        <Space>
          <PublishAllButton onPublished={() => setGeneration((g) => g + 1)} />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating({ id: '', listType: 'personalized' })} data-testid="create">
            {t('create', { ns: 'common' })}
          </Button>
        </Space>
      </Space>
      {listTypes.map((type) => {
        const ofType = (lists ?? []).filter((l) => l.listType === type);
        return (
          <Card key={type} size="small" title={t(`type_${type}`)} style={{ marginBottom: 16 }} data-testid={`lists-${type}`}>
            <Table<ListSummary>
              rowKey="id"
              size="small"
              loading={lists === undefined}
              dataSource={ofType}
              pagination={false}
              locale={{ emptyText: t('noLists') }}
              columns={[
                { title: t('titleField', { ns: 'common' }), render: (_, l) => <Link to={`/studio/lists/${l.id}`}>{textOf(l.title, i18n.language)}</Link> },
                { title: t('id', { ns: 'common' }), dataIndex: 'id', render: (id: string) => <Typography.Text code>{id}</Typography.Text> },
                { title: t('entries'), dataIndex: 'count', width: 90 },
                { title: t('version', { ns: 'common' }), dataIndex: 'version', width: 80, render: (v: number) => `v${v}` },
                {
                  title: t('status', { ns: 'common' }),
                  dataIndex: 'status',
                  width: 100,
                  render: (s: string) => <Tag color={s === 'published' ? 'green' : 'gold'}>{t(`status_${s}`, { ns: 'common' })}</Tag>,
                },
                {
                  title: t('source', { ns: 'common' }),
                  width: 160,
                  render: (_, l) => (l.isInherited ? <Tag color="blue">{`${t('inherited', { ns: 'common' })} · ${l.platformId}`}</Tag> : <Tag>{t('own', { ns: 'common' })}</Tag>),
                },
              ]}
            />
          </Card>
        );
      })}
      <Modal
        open={creating !== undefined}
        title={t('create', { ns: 'common' })}
        okButtonProps={{ disabled: !creating || creating.id === '' || idError !== null }}
        onOk={create}
        onCancel={() => setCreating(undefined)}
        destroyOnHidden
      >
        <Typography.Paragraph>{t('newIdPrompt', { ns: 'common' })}</Typography.Paragraph>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Input
            autoFocus
            aria-label={t('newListId')}
            data-testid="new-id"
            value={creating?.id ?? ''}
            status={idError ? 'error' : undefined}
            onChange={(e) => setCreating((c) => c && { ...c, id: e.target.value.trim() })}
            onPressEnter={create}
          />
          {idError && <Typography.Text type="danger">{idError}</Typography.Text>}
          <Select
            aria-label={t('listType')}
            style={{ width: '100%' }}
            value={creating?.listType}
            options={listTypes.map((type) => ({ value: type, label: t(`type_${type}`) }))}
            onChange={(listType: ListType) => setCreating((c) => c && { ...c, listType })}
          />
        </Space>
      </Modal>
    </div>
  );
}
