/**
 * A verified package: who signed it with which key, its sequence and time, the entries against
 * what is held, and 导入 (all or nothing) with what it stored. The import's refusal is shown in full.
 */
import { ImportOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Popconfirm, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EntryStatus, ImportResult, Inspection } from '../../api/packages';
import { EntriesTable } from './EntriesTable';
import { formatDateTime } from '../../components/time';
import { RefusalAlert } from './RefusalAlert';
import { useAttempt } from '../../components/useAttempt';

const STATUSES: EntryStatus[] = ['new', 'same', 'changed', 'older', 'conflict'];

export function InspectionView(props: { inspection: Inspection; onImport(): Promise<ImportResult>; extra?: { label: string; value: string }[] }) {
  const { inspection } = props;
  const { t } = useTranslation('packages');
  const { result, error, isBusy, attempt } = useAttempt<ImportResult>();
  const counts = Object.fromEntries(STATUSES.map((status) => [status, inspection.entries.filter((e) => e.status === status).length])) as Record<EntryStatus, number>;
  const hasWork = counts.new + counts.changed > 0;

  const importNow = () => attempt(props.onImport);

  const { verified } = inspection;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="inspection">
      <Alert type="success" showIcon title={t('verifiedTitle')} data-testid="inspection-verified" />
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, lg: 2 }}
        items={[
          { key: 'publisher', label: t('publisher'), children: <span data-testid="inspection-publisher">{`${verified.publisher.title}（${verified.publisher.platform}）`}</span> },
          { key: 'key', label: t('inspectKey'), children: <Typography.Text code data-testid="inspection-key">{verified.keyId}</Typography.Text> },
          { key: 'sequence', label: t('sequence'), children: <span data-testid="inspection-sequence">{verified.sequence}</span> },
          { key: 'time', label: t('createdAt'), children: formatDateTime(verified.createdAt) },
          { key: 'hash', label: t('packageHash'), span: 2, children: <Typography.Text code copyable style={{ wordBreak: 'break-all', fontSize: 12 }}>{inspection.packageHash}</Typography.Text> },
          ...(props.extra ?? []).map((item) => ({ key: item.label, label: item.label, children: item.value })),
        ]}
      />
      <Typography.Text strong data-testid="inspection-summary">
        {t('entriesTitle', { count: inspection.entries.length })} · {t('summary', counts)}
      </Typography.Text>
      <EntriesTable entries={inspection.entries} />
      {hasWork ? (
        <Popconfirm title={t('importConfirm')} onConfirm={() => void importNow()} okButtonProps={{ 'data-testid': 'import-confirm' }}>
          <Button type="primary" icon={<ImportOutlined />} loading={isBusy} disabled={!!result} data-testid="import-package">
            {t('importButton')}
          </Button>
        </Popconfirm>
      ) : (
        !result && <Alert type="info" showIcon title={t('nothingToImport')} data-testid="nothing-to-import" />
      )}
      <RefusalAlert error={error} testId="import-refusal" />
      {result && (
        <Alert
          type="success"
          showIcon
          data-testid="import-result"
          title={result.imported.length > 0 ? t('imported', { count: result.imported.length }) : t('importedNone')}
          description={result.imported.length > 0 ? t('importedList', { list: result.imported.map((d) => `${d.kind}/${d.id} v${d.version}`).join('，') }) : undefined}
        />
      )}
    </Space>
  );
}
