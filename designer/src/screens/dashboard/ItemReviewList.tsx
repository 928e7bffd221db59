/**
 * 事项动态管理: the items the platform offers, flagged when nobody applied for them lately or
 * when bad reviews are frequent (GET /api/statistics/item-review). Only the flagged ones are
 * listed; deciding what to do stays with the admin. Admins only: staff do not see this card.
 */
import { Alert, Card, Empty, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Text } from '../../../../engine/kinds/common';
import { formatRate } from '../../../../engine/statistics/figure-format';
import type { ItemReviewEntry, ItemReviewResponse } from '../../../../engine/statistics/statistics-response';
import { textOf } from '../../../../engine/text';
import { fetchItemReview } from './statistics-api';

export function ItemReviewList() {
  const { t, i18n } = useTranslation('dashboard');
  const [review, setReview] = useState<ItemReviewResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let isCurrent = true;
    fetchItemReview().then(
      (answer) => isCurrent && setReview(answer),
      (failure: Error) => isCurrent && setError(failure.message),
    );
    return () => {
      isCurrent = false;
    };
  }, []);
  const flagged = review?.items.filter((item) => item.reasons.length > 0) ?? [];
  const thresholds = review?.thresholds;
  return (
    <Card size="small" title={t('itemReview')} data-testid="dashboard-item-review" loading={!review && !error}>
      {error ? <Alert type="error" showIcon title={t('itemReviewFailed', { detail: error })} /> : null}
      {thresholds ? <Typography.Paragraph type="secondary">{t('itemReviewHint', { ...thresholds, maxBadShare: formatRate(thresholds.maxBadShare) })}</Typography.Paragraph> : null}
      {review && flagged.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('itemReviewEmpty')} /> : null}
      {flagged.length > 0 ? (
        <Table<ItemReviewEntry>
          size="small"
          rowKey="itemId"
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          dataSource={flagged}
          columns={[
            { key: 'title', title: t('item'), render: (_, item) => textOf(item.title as Text, i18n.language === 'en' ? 'en' : 'zh-CN') || item.itemId },
            { key: 'recent', title: t('recentApplied'), align: 'right', render: (_, item) => item.recentApplied },
            { key: 'evaluations', title: t('evaluations'), align: 'right', render: (_, item) => item.evaluations },
            { key: 'bad', title: t('badShare'), align: 'right', render: (_, item) => formatRate(item.badShare) },
            { key: 'reasons', title: t('reasons'), render: (_, item) => item.reasons.map((reason) => <Tag key={reason} color={reason === 'unused' ? 'default' : 'red'}>{t(`reason_${reason}`)}</Tag>) },
          ]}
        />
      ) : null}
    </Card>
  );
}
