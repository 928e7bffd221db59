/**
 * What an imported file holds: one row per definition with its kind, id and title, how it
 * compares with what exists (opening into the changes), its problems after validation and
 * the outcome of saving it.
 */
import { List, Table, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../api/client';
import { textOf, type Text } from '../../api/definitions';
import { readablePointer } from '../../components/ProblemList';
import { DiffTable } from '../versions/DiffTable';
import type { Comparison } from './compare';
import type { ImportedDoc } from './definitionSet';
import { kindLabel } from './kindLabel';
import type { SaveOutcome } from './useImport';

interface Row {
  key: number;
  doc: ImportedDoc;
  comparison: Comparison | undefined;
  problems: Problem[] | undefined;
  outcome: SaveOutcome | undefined;
}

const stateColours = { new: 'blue', changed: 'orange', same: 'default', checking: 'default' } as const;

function ProblemLines({ problems }: { problems: Problem[] }) {
  return (
    <List
      size="small"
      dataSource={problems}
      renderItem={(problem) => (
        <List.Item style={{ paddingInline: 0 }} data-problem-path={problem.path} data-problem-code={problem.code}>
          <Typography.Text>
            <Tag>{readablePointer(problem.path)}</Tag>
            {problem.message}
          </Typography.Text>
        </List.Item>
      )}
    />
  );
}

export function ImportTable({
  docs,
  comparisons,
  problems,
  outcomes,
}: {
  docs: ImportedDoc[];
  comparisons: Comparison[];
  problems: Problem[][] | undefined;
  outcomes: Array<SaveOutcome | undefined>;
}) {
  const { t, i18n } = useTranslation('transfer');
  const rows: Row[] = docs.map((doc, key) => ({ key, doc, comparison: comparisons[key], problems: problems?.[key], outcome: outcomes[key] }));
  const hasDetail = (row: Row) => row.comparison?.state === 'changed' || (row.problems?.length ?? 0) > 0;
  return (
    <Table<Row>
      data-testid="import-table"
      size="small"
      pagination={false}
      dataSource={rows}
      onRow={(row) => ({ 'data-kind': row.doc.kind, 'data-id': row.doc.id, 'data-state': row.comparison?.state }) as HTMLAttributes<HTMLElement>}
      expandable={{
        rowExpandable: hasDetail,
        expandedRowRender: (row) => (
          <>
            {row.problems && row.problems.length > 0 && <ProblemLines problems={row.problems} />}
            {row.comparison?.state === 'changed' && <DiffTable kind={row.doc.kind} changes={row.comparison.changes} testId={`import-diff-${row.key}`} />}
          </>
        ),
      }}
      columns={[
        { title: t('kind'), render: (_, row) => kindLabel(t, row.doc.kind) },
        { title: t('id', { ns: 'common' }), render: (_, row) => <Typography.Text code>{row.doc.id}</Typography.Text> },
        { title: t('titleField', { ns: 'common' }), render: (_, row) => textOf(row.doc.title as Text | undefined, i18n.language) },
        {
          title: t('state'),
          render: (_, row) => {
            const comparison = row.comparison ?? { state: 'checking' as const };
            const label = comparison.state === 'changed' ? t('state_changed', { count: comparison.changes.length }) : t(`state_${comparison.state}`);
            return <Tag color={stateColours[comparison.state]}>{label}</Tag>;
          },
        },
        {
          title: t('problemsColumn'),
          render: (_, row) =>
            row.problems === undefined ? null : row.problems.length === 0 ? <Tag color="green">✓</Tag> : <Tag color="red">{row.problems.length}</Tag>,
        },
        {
          title: t('status', { ns: 'common' }),
          render: (_, row) =>
            row.outcome === undefined ? null : row.outcome.isSaved ? (
              <Tag color="gold">{t('saveResult_saved')}</Tag>
            ) : (
              <Typography.Text type="danger">{t('saveResult_failed', { detail: row.outcome.detail })}</Typography.Text>
            ),
        },
      ]}
    />
  );
}
