/**
 * The dashboard's filters: the period (a range of days, typed or picked, and the quick picks
 * 本月 / 本季度 / 本年 / 上一年 as buttons, so Tab and Enter reach them), the service class and
 * the service item.
 */
import { Button, DatePicker, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { dayOf, QUICK_PICKS, quickPeriod, toDay, type Period } from './period';

export interface DashboardFiltersProps {
  period: Period;
  onPeriod: (period: Period) => void;
  serviceClass: string | undefined;
  onServiceClass: (serviceClass: string | undefined) => void;
  itemId: string | undefined;
  onItem: (itemId: string | undefined) => void;
  items: Array<{ value: string; label: string }>;
}

const CLASSES = ['public', 'personalized', 'value-added'];

export function DashboardFilters(props: DashboardFiltersProps) {
  const { t } = useTranslation('dashboard');
  const { period, onPeriod } = props;
  const isPicked = (pick: (typeof QUICK_PICKS)[number]) => {
    const quick = quickPeriod(pick);
    return quick.from === period.from && quick.to === period.to;
  };
  return (
    <Space wrap size="middle" data-testid="dashboard-filters">
      <DatePicker.RangePicker
        aria-label={t('period')}
        data-testid="dashboard-period"
        allowClear={false}
        value={[toDay(period.from), toDay(period.to)]}
        onChange={(range) => {
          if (range?.[0] && range[1]) onPeriod({ from: dayOf(range[0]), to: dayOf(range[1]) });
        }}
      />
      <Space.Compact>
        {QUICK_PICKS.map((pick) => (
          <Button key={pick} type={isPicked(pick) ? 'primary' : 'default'} aria-pressed={isPicked(pick)} data-testid={`period-${pick}`} onClick={() => onPeriod(quickPeriod(pick))}>
            {t(pick)}
          </Button>
        ))}
      </Space.Compact>
      <Select
        aria-label={t('serviceClass')}
        data-testid="dashboard-class"
        style={{ width: 150 }}
        value={props.serviceClass ?? ''}
        onChange={(value: string) => props.onServiceClass(value === '' ? undefined : value)}
        options={[{ value: '', label: t('allClasses') }, ...CLASSES.map((c) => ({ value: c, label: t(`class_${c}`) }))]}
      />
      <Select
        aria-label={t('item')}
        data-testid="dashboard-item"
        style={{ width: 240 }}
        showSearch={{ optionFilterProp: 'label' }}
        value={props.itemId ?? ''}
        onChange={(value: string) => props.onItem(value === '' ? undefined : value)}
        options={[{ value: '', label: t('allItems') }, ...props.items]}
      />
    </Space>
  );
}
