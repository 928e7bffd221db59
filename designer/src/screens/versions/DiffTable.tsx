/**
 * Changes between two versions of a definition as a table a person reads: the field in words
 * (with what the kind's schema says it is), the kind of change in colour, the values before
 * and after; a changed multi-line text (a template body) opens into a line-by-line diff.
 */
import { Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { Change } from '../../api/history';
import { readablePointer } from '../../components/ProblemList';
import { fieldDescription } from './fieldDescription';
import { LineDiffView } from './LineDiffView';
import { ValueView } from './ValueView';

export const opColours: Record<Change['op'], string> = { added: 'green', removed: 'red', changed: 'orange' };

const isMultiline = (value: unknown): value is string => typeof value === 'string' && value.includes('\n');

/** A changed text of several lines: shown as a line diff under its row rather than in the cells. */
function hasLineDiff(change: Change): boolean {
  return change.op === 'changed' && (isMultiline(change.before) || isMultiline(change.after)) && typeof change.before === 'string' && typeof change.after === 'string';
}

export function DiffTable({ kind, changes, testId = 'diff' }: { kind: string; changes: Change[]; testId?: string }) {
  const { t } = useTranslation('versions');
  const rows = useMemo(() => changes.map((change, index) => ({ ...change, key: `${index}:${change.path}` })), [changes]);
  const expanded = rows.filter(hasLineDiff).map((row) => row.key);
  return (
    <Table
      data-testid={testId}
      size="small"
      pagination={false}
      dataSource={rows}
      onRow={(row) => ({ 'data-path': row.path, 'data-op': row.op }) as HTMLAttributes<HTMLElement>}
      expandable={{
        expandedRowKeys: expanded,
        showExpandColumn: false,
        rowExpandable: hasLineDiff,
        expandedRowRender: (row) => <LineDiffView before={row.before as string} after={row.after as string} />,
      }}
      columns={[
        {
          title: t('field'),
          width: '24%',
          render: (_, row) => {
            const description = fieldDescription(kind, row.path);
            const name = <Typography.Text strong>{readablePointer(row.path)}</Typography.Text>;
            return description ? <Tooltip title={description}>{name}</Tooltip> : name;
          },
        },
        { title: t('change'), width: 80, render: (_, row) => <Tag color={opColours[row.op]}>{t(`op_${row.op}`)}</Tag> },
        {
          title: t('before'),
          render: (_, row) => (hasLineDiff(row) ? t('seeLines', { count: (row.before as string).split('\n').length }) : <ValueView value={row.before} />),
        },
        {
          title: t('after'),
          render: (_, row) => (hasLineDiff(row) ? t('seeLines', { count: (row.after as string).split('\n').length }) : <ValueView value={row.after} />),
        },
      ]}
    />
  );
}
