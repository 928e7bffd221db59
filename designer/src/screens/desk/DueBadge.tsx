/** A due date with its warning: 即将到期 (the step's warning went out) or 已逾期 (the limit passed). */
import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DueState } from '../../api/desk';
import { formatDateTime } from '../../components/time';

export function DueBadge({ dueAt, state, urges = 0 }: { dueAt: string | null; state: DueState | null | undefined; urges?: number }) {
  const { t } = useTranslation('desk');
  if (!dueAt) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space size={4} wrap>
      <Typography.Text>{formatDateTime(dueAt)}</Typography.Text>
      {state === 'overdue' && (
        <Tag color="red" data-testid="badge-overdue">
          {t('overdue')}
        </Tag>
      )}
      {state === 'dueSoon' && (
        <Tag color="orange" data-testid="badge-due-soon">
          {t('dueSoon')}
        </Tag>
      )}
      {urges > 0 && (
        <Tag color="volcano" data-testid="badge-urged">
          {t('urged', { count: urges })}
        </Tag>
      )}
    </Space>
  );
}
