/** A time limit: none (when allowed), a fixed value + unit, or taken from the item or the platform at run time. */
import { Input, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LimitSource } from '../../../../engine/kinds/workflow';
import { limitUnitLabels } from '../../../../engine/labels';
import { limitUnits } from './flow-vocab';

type Mode = 'none' | 'fixed' | 'item.timeLimit' | 'platform.rectification';

export function LimitInput({ value, onChange, allowNone, idPrefix }: { value: LimitSource | undefined; onChange: (limit: LimitSource | undefined) => void; allowNone: boolean; idPrefix: string }) {
  const { t } = useTranslation('flows');
  const mode: Mode = value === undefined ? 'none' : 'from' in value ? value.from : 'fixed';
  const modes: Mode[] = [...(allowNone ? (['none'] as const) : []), 'fixed', 'item.timeLimit', 'platform.rectification'];
  const setMode = (next: Mode) => {
    if (next === 'none') onChange(undefined);
    else if (next === 'fixed') onChange({ value: 5, unit: 'workingDay' });
    else onChange({ from: next });
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Select id={`${idPrefix}-limit`} aria-label={t('limit')} value={mode} onChange={setMode} options={modes.map((m) => ({ value: m, label: t(`limit_${m}`) }))} style={{ width: 200 }} />
      {value !== undefined && !('from' in value) && (
        <Space wrap>
          <InputNumber aria-label={t('limitValue')} min={1} max={3650} precision={0} value={value.value} onChange={(v) => v !== null && onChange({ ...value, value: v })} />
          <Select
            aria-label={t('limitUnit')}
            value={value.unit}
            style={{ width: 120 }}
            onChange={(unit) => onChange({ ...value, unit })}
            options={limitUnits.map((u) => ({ value: u, label: limitUnitLabels[u].replace(/^个/, '') }))}
          />
          <Input
            aria-label={t('limitNote')}
            placeholder={t('limitNote')}
            value={value.note ?? ''}
            style={{ width: 220 }}
            onChange={(e) => {
              const { note: _old, ...rest } = value;
              onChange(e.target.value === '' ? rest : { ...rest, note: e.target.value });
            }}
          />
        </Space>
      )}
    </Space>
  );
}
