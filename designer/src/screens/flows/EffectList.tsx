/** A list of effects in order: add by type, change a type, reorder, remove; each effect with its own form. */
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Dropdown, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Effect } from '../../../../engine/kinds/workflow';
import { blankEffect, changeKind, effectKinds, kindOf, type EffectKind } from './effect-types';
import { EffectForm, type EffectContext } from './EffectForm';

export function EffectList({
  effects,
  onChange,
  context,
  testId,
}: {
  effects: Effect[] | undefined;
  /** The new list; `undefined` when it became empty (the property is left out). */
  onChange: (effects: Effect[] | undefined) => void;
  context: EffectContext;
  testId: string;
}) {
  const { t } = useTranslation('flows');
  const list = effects ?? [];
  const seeds = { template: context.templates[0]?.value, clock: context.clocks[0] };
  const set = (next: Effect[]) => onChange(next.length === 0 ? undefined : next);
  const move = (i: number, by: -1 | 1) => {
    const next = [...list];
    [next[i], next[i + by]] = [next[i + by]!, next[i]!];
    set(next);
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid={testId}>
      {list.map((effect, i) => (
        <Card
          key={i}
          size="small"
          data-testid={`${testId}-${i}`}
          title={
            <Select
              aria-label={t('effectType')}
              variant="borderless"
              style={{ width: 160 }}
              value={kindOf(effect)}
              onChange={(kind: EffectKind) => set(list.map((e, j) => (j === i ? changeKind(e, kind, seeds) : e)))}
              options={effectKinds.map((k) => ({ value: k, label: t(`effect_${k}`) }))}
            />
          }
          extra={
            <Space size={0}>
              <Button type="text" size="small" icon={<ArrowUpOutlined />} aria-label={t('moveUp')} disabled={i === 0} onClick={() => move(i, -1)} />
              <Button type="text" size="small" icon={<ArrowDownOutlined />} aria-label={t('moveDown')} disabled={i === list.length - 1} onClick={() => move(i, 1)} />
              <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('removeEffect')} onClick={() => set(list.filter((_, j) => j !== i))} />
            </Space>
          }
        >
          <EffectForm key={kindOf(effect)} effect={effect} context={context} idPrefix={`${testId}-${i}`} onChange={(next) => set(list.map((e, j) => (j === i ? next : e)))} />
        </Card>
      ))}
      <Dropdown
        trigger={['click']}
        menu={{ items: effectKinds.map((k) => ({ key: k, label: t(`effect_${k}`) })), onClick: ({ key }) => set([...list, blankEffect(key as EffectKind, seeds)]) }}
      >
        <Button size="small" icon={<PlusOutlined />} data-testid={`${testId}-add`}>
          {t('addEffect')}
        </Button>
      </Dropdown>
    </Space>
  );
}
