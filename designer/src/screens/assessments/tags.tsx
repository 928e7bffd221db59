/** The assessment's states as tags: submission (已提交/逾期提交/未提交), rating, rectification. */
import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Assessment, Rating, Rectification } from '../../api/assessments';
import { formatDateTime } from '../../components/time';

const RATING_COLORS: Record<Rating, string> = { excellent: 'green', qualified: 'blue', unqualified: 'red' };
const RECTIFICATION_COLORS: Record<Rectification['status'], string> = { open: 'orange', reported: 'blue', closed: 'green', delisted: 'red' };

export type SummaryState = 'submitted' | 'late' | 'missing';
export const summaryStateOf = (assessment: Assessment | null): SummaryState => (!assessment ? 'missing' : assessment.isLate ? 'late' : 'submitted');

export function SummaryStateTag({ assessment }: { assessment: Assessment | null }) {
  const { t } = useTranslation('assessments');
  const state = summaryStateOf(assessment);
  return (
    <Space size={4} wrap>
      <Tag color={{ submitted: 'green', late: 'orange', missing: 'red' }[state]} data-testid="summary-state">
        {t(`state_${state}`)}
      </Tag>
      {assessment && <Typography.Text type="secondary">{t('submittedAt', { at: formatDateTime(assessment.submittedAt) })}</Typography.Text>}
    </Space>
  );
}

export function RatingTag({ rating }: { rating: Rating | null }) {
  const { t } = useTranslation('assessments');
  if (!rating) return <Tag>{t('notRated')}</Tag>;
  return (
    <Tag color={RATING_COLORS[rating]} data-testid="rating">
      {t(`rating_${rating}`)}
    </Tag>
  );
}

/** Status, deadline (marked when past) and the platform's report of a rectification. */
export function RectificationView({ rectification, now }: { rectification: Rectification; now: string }) {
  const { t } = useTranslation('assessments');
  const isOpen = rectification.status === 'open' || rectification.status === 'reported';
  return (
    <Space orientation="vertical" size={2} data-testid="rectification">
      <Space size={4} wrap>
        <Tag color={RECTIFICATION_COLORS[rectification.status]} data-testid="rectification-status">
          {t(`rect_${rectification.status}`)}
        </Tag>
        <Typography.Text type="secondary">{t('rectDue', { at: formatDateTime(rectification.dueAt) })}</Typography.Text>
        {isOpen && now > rectification.dueAt && <Tag color="red">{t('isPastDue')}</Tag>}
      </Space>
      {rectification.report && (
        <Typography.Text>
          {t('report')}：{rectification.report}
        </Typography.Text>
      )}
      {rectification.note && (
        <Typography.Text type="secondary">
          {t('closedNote')}：{rectification.note}
        </Typography.Text>
      )}
    </Space>
  );
}
