/** The case at a glance: number, item, applicant, step and status, assignee, due date with its warnings. */
import { Descriptions, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseEvent, CaseView } from '../../api/desk';
import { DueBadge } from './DueBadge';
import { formatDateTime } from '../../components/time';
import { urgesOf } from './format';

export function CaseHeader({ view, events, names }: { view: CaseView; events: CaseEvent[]; names: Record<string, string> }) {
  const { t } = useTranslation('desk');
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: 2, xl: 3 }}
      title={
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="case-number">
          {view.number}
        </Typography.Title>
      }
      data-testid="case-header"
    >
      <Descriptions.Item label={t('item')}>{view.item.title}</Descriptions.Item>
      <Descriptions.Item label={t('applicant')}>{view.applicantName ?? '—'}
        {view.channel === 'counter' && (
          <Tag color="purple" style={{ marginInlineStart: 8 }} data-testid="case-channel-counter">
            {t('channelCounter')}
          </Tag>
        )}</Descriptions.Item>
      <Descriptions.Item label={t('step')}>
        <span data-testid="case-step" data-step={view.step}>
          {view.stepTitle}
        </span>{' '}
        <Tag color={view.status === 'open' ? 'processing' : 'default'} data-testid="case-status">
          {t(`status_${view.status}`, { defaultValue: view.status })}
        </Tag>
      </Descriptions.Item>
      <Descriptions.Item label={t('assignee')}>
        <span data-testid="case-assignee">{view.assigneeName ?? (view.assigneeId ? (names[view.assigneeId] ?? view.assigneeId) : t('unassigned'))}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('dueAt')}>
        <DueBadge dueAt={view.dueAt} state={view.dueState} urges={urgesOf(events)} />
      </Descriptions.Item>
      <Descriptions.Item label={t('createdAt')}>{formatDateTime(view.createdAt)}</Descriptions.Item>
    </Descriptions>
  );
}
