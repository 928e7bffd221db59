/**
 * The period's key figures as cards (申请量, 办结量, 按时办结率 …), rolled up over the scope.
 * A rate without a denominator reads "—", never NaN.
 */
import { Card, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDays, formatRate } from '../../../../engine/statistics/figure-format';
import type { StatisticsFigures } from '../../../../engine/statistics/statistics-response';

interface Kpi {
  key: string;
  value: string;
  hint?: string;
}

function kpisOf(f: StatisticsFigures, hint: (key: string, values: Record<string, number>) => string): Kpi[] {
  const rate = (key: string, value: number | null, part: number, whole: number): Kpi => ({ key, value: formatRate(value), hint: hint('kpi_rateHint', { part, whole }) });
  const kpis: Kpi[] = [
    { key: 'applied', value: String(f.applied), hint: hint('kpi_appliedHint', { online: f.online, counter: f.counter }) },
    { key: 'served', value: String(f.served) },
    rate('onTimeRate', f.onTimeRate, f.servedOnTime, f.served),
    { key: 'avgWorkingDays', value: formatDays(f.avgWorkingDays) },
    rate('oneVisitRate', f.oneVisitRate, f.oneVisit, f.served),
    rate('goodRate', f.satisfaction.goodRate, f.satisfaction.levels.filter((l) => l.level >= 3).reduce((sum, l) => sum + l.count, 0), f.satisfaction.total),
    rate('rectificationRate', f.rectification.rate, f.rectification.closed, f.rectification.opened),
    rate('visitRate', f.rectification.visitRate, f.rectification.visited, f.rectification.opened),
    { key: 'overdue', value: String(f.overdue) },
    rate('followUpRate', f.followUp.rate, f.followUp.visited, f.followUp.opened),
    rate('feedbackOnTimeRate', f.feedback.onTimeRate, f.feedback.answeredOnTime, f.feedback.received),
  ];
  return kpis;
}

export function KpiCards({ figures }: { figures: StatisticsFigures }) {
  const { t } = useTranslation('dashboard');
  return (
    <div data-testid="dashboard-kpis" style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(170px, 1fr))', gap: 12 }}>
      {kpisOf(figures, (key, values) => t(key, values)).map((kpi) => (
        <Card key={kpi.key} size="small" data-testid={`kpi-${kpi.key}`}>
          <Statistic title={t(`kpi_${kpi.key}`)} value={kpi.value} />
          {kpi.hint ? <div style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12 }}>{kpi.hint}</div> : null}
        </Card>
      ))}
    </div>
  );
}
