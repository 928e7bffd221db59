/** A case's status and due date as the applicant reads them: a coloured tag, overdue flagged. */
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DueState } from '../../api/portal';
import { formatDate } from '../../components/time';

const statusColors: Record<string, string> = { open: 'processing', completed: 'success', rejected: 'error', withdrawn: 'default' };

export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation('portal');
  return (
    <Tag color={statusColors[status] ?? 'default'} data-testid="case-status">
      {t(`status_${status}`, { defaultValue: status })}
    </Tag>
  );
}

/** The due date, flagged 即将到期 or 已逾期 as the server judges it (its clock, its working-day calendar). */
export function DueDate({ dueAt, dueState = null }: { dueAt: string | null; dueState?: DueState }) {
  const { t } = useTranslation('portal');
  if (!dueAt) return <span>—</span>;
  return (
    <span data-testid="due-date">
      {formatDate(dueAt)} {dueState === 'overdue' && <Tag color="red">{t('overdue')}</Tag>}
      {dueState === 'dueSoon' && <Tag color="orange">{t('dueSoon')}</Tag>}
    </span>
  );
}
