/**
 * The index page of one definition kind: what the platform owns and what it inherits, with
 * search, and "new" asking for an id. Every kind's screen starts here.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { definitionsApi, textOf, type DefinitionSummary, type Kind } from '../api/definitions';

export const ID_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** What is wrong with a new id (malformed, or taken by one of `existing`), or null; '' is not yet wrong. */
export function newIdError(id: string, existing: ReadonlyArray<{ id: string }> | undefined, t: (key: string, options?: Record<string, unknown>) => string): string | null {
  if (id === '') return null;
  if (!ID_PATTERN.test(id) || id.length < 2) return t('idInvalid', { ns: 'common' });
  return existing?.some((r) => r.id === id) ? t('idTaken', { ns: 'common', id }) : null;
}

/** One row per id: the platform's own newest version wins over the inherited one. */
export function latestPerId(definitions: DefinitionSummary[]): DefinitionSummary[] {
  const byId = new Map<string, DefinitionSummary>();
  for (const d of definitions) {
    const seen = byId.get(d.id);
    const isBetter = !seen || (seen.isInherited && !d.isInherited) || (seen.isInherited === d.isInherited && d.version > seen.version);
    if (isBetter) byId.set(d.id, d);
  }
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}

export function DefinitionIndex({ kind, ns, basePath }: { kind: Kind; ns: string; basePath: string }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [rows, setRows] = useState<DefinitionSummary[] | undefined>(undefined);
  const [query, setQuery] = useState('');
  const [isCreating, setCreating] = useState(false);
  const [newId, setNewId] = useState('');
  useEffect(() => {
    void definitionsApi.list({ kind }).then((found) => setRows(latestPerId(found)));
  }, [kind]);
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    return (rows ?? []).filter((r) => !q || r.id.includes(q) || textOf(r.title as never, i18n.language).toLowerCase().includes(q));
  }, [rows, query, i18n.language]);
  const idError = newIdError(newId, rows, t);

  return (
    <div>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('title', { ns })}
        </Typography.Title>
        <Space>
          <Input.Search allowClear placeholder={t('search')} onChange={(e) => setQuery(e.target.value)} style={{ width: 240 }} />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create">
            {t('create')}
          </Button>
        </Space>
      </Space>
      <Table
        rowKey="id"
        loading={rows === undefined}
        dataSource={shown}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('titleField'), render: (_, r) => <Link to={`${basePath}/${r.id}`}>{textOf(r.title as never, i18n.language)}</Link> },
          { title: t('id'), dataIndex: 'id', render: (id: string) => <Typography.Text code>{id}</Typography.Text> },
          { title: t('version'), dataIndex: 'version', render: (v: number) => `v${v}` },
          { title: t('status'), dataIndex: 'status', render: (s: string) => <Tag color={s === 'published' ? 'green' : 'gold'}>{t(`status_${s}`)}</Tag> },
          { title: t('source'), render: (_, r) => (r.isInherited ? <Tag color="blue">{t('inherited')}</Tag> : <Tag>{t('own')}</Tag>) },
        ]}
      />
      <Modal
        open={isCreating}
        title={t('create')}
        okButtonProps={{ disabled: newId === '' || idError !== null }}
        onOk={() => navigate(`${basePath}/${newId}?new=1`)}
        onCancel={() => setCreating(false)}
        destroyOnHidden
      >
        <Typography.Paragraph>{t('newIdPrompt')}</Typography.Paragraph>
        <Input autoFocus value={newId} onChange={(e) => setNewId(e.target.value.trim())} status={idError ? 'error' : undefined} data-testid="new-id" onPressEnter={() => !idError && newId && navigate(`${basePath}/${newId}?new=1`)} />
        {idError && <Typography.Text type="danger">{idError}</Typography.Text>}
      </Modal>
    </div>
  );
}
