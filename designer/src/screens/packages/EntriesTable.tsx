/**
 * A package's entries against what this deployment holds: 新增/相同/已变更/较旧/冲突, with a
 * changed entry opening into the versions screen's readable diff from the held version.
 */
import { Table, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntryStatus, InspectedEntry } from '../../api/packages';
import { kindLabel } from '../transfer/kindLabel';
import { DiffTable } from '../versions/DiffTable';

export const entryColours: Record<EntryStatus, string> = { new: 'blue', same: 'default', changed: 'orange', older: 'purple', conflict: 'red' };

/** What needs a decision first: conflicts, changes, new entries; what is held already last. */
const ORDER: EntryStatus[] = ['conflict', 'changed', 'new', 'older', 'same'];
const byAttention = (a: InspectedEntry, b: InspectedEntry) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status);

const keyOf = (entry: InspectedEntry) => `${entry.kind}/${entry.id}@${entry.version}`;

export function EntriesTable({ entries }: { entries: InspectedEntry[] }) {
  const { t } = useTranslation('packages');
  return (
    <Table<InspectedEntry>
      data-testid="package-entries"
      rowKey={keyOf}
      size="small"
      dataSource={[...entries].sort(byAttention)}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      onRow={(entry) => ({ 'data-entry': `${entry.kind}/${entry.id}`, 'data-status': entry.status }) as HTMLAttributes<HTMLElement>}
      expandable={{
        rowExpandable: (entry) => entry.status === 'changed' && entry.changes.length > 0,
        expandedRowRender: (entry) => <DiffTable kind={entry.kind} changes={entry.changes} testId={`entry-diff-${entry.kind}-${entry.id}`} />,
      }}
      columns={[
        { title: t('kind'), dataIndex: 'kind', width: 140, render: (kind: string) => kindLabel(t, kind) },
        { title: t('id'), dataIndex: 'id', render: (id: string) => <Typography.Text code>{id}</Typography.Text> },
        { title: t('version'), dataIndex: 'version', width: 80, render: (version: number) => t('heldVersion', { version }) },
        { title: t('held'), dataIndex: 'heldVersion', width: 110, render: (held: number | null) => (held === null ? t('heldNone') : t('heldVersion', { version: held })) },
        {
          title: t('entryStatus'),
          width: 180,
          render: (_, entry) => (
            <>
              <Tag color={entryColours[entry.status]}>{t(`entry_${entry.status}`)}</Tag>
              {entry.status === 'changed' && <Typography.Text type="secondary">{t('changesCount', { count: entry.changes.length })}</Typography.Text>}
            </>
          ),
        },
      ]}
    />
  );
}
