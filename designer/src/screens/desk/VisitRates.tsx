/**
 * The visit rates (回访率) of the year so far on the tasks screen: of the rectifications of bad
 * reviews and of the sampled good reviews, from GET /api/statistics (the viewer's platform and
 * those below it). Hidden for a viewer the statistics are not open to.
 */
import { Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatisticsFigures, StatisticsResponse } from '../../../../engine/statistics/statistics-response';
import { formatRate } from '../../../../engine/statistics/figure-format';
import { api } from '../../api/client';

export function VisitRates({ reloadKey }: { reloadKey?: unknown }) {
  const { t } = useTranslation('desk');
  const [figures, setFigures] = useState<StatisticsFigures>();

  useEffect(() => {
    let isCurrent = true;
    api
      .get<StatisticsResponse>('/api/statistics')
      .then((response) => isCurrent && setFigures(response.total))
      .catch(() => isCurrent && setFigures(undefined));
    return () => {
      isCurrent = false;
    };
  }, [reloadKey]);

  if (!figures) return null;
  const { rectification, followUp } = figures;
  return (
    <Space wrap data-testid="visit-rates">
      <Typography.Text type="secondary">{t('visitRates')}</Typography.Text>
      <Tag data-testid="rectification-visit-rate">{t('rectificationVisitRate', { rate: formatRate(rectification.visitRate), visited: rectification.visited, opened: rectification.opened })}</Tag>
      <Tag data-testid="follow-up-visit-rate">{t('followUpVisitRate', { rate: formatRate(followUp.rate), visited: followUp.visited, opened: followUp.opened })}</Tag>
    </Space>
  );
}
