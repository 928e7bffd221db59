/** One effect's own small form: the fields of its type (engine/kinds/workflow.ts Effect), and an optional condition. */
import { AutoComplete, Checkbox, Input, Select, Space } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RuleValue } from '../../../../engine/kinds/common';
import type { Channel, Effect, LimitSource, Recipient } from '../../../../engine/kinds/workflow';
import { RuleBuilder } from '../../components/RuleBuilder';
import type { RuleField } from '../../components/rule-model';
import { kindOf, setSources } from './effect-types';
import { channels, recipients } from './flow-vocab';
import { LimitInput } from './LimitInput';

export interface EffectContext {
  templates: Array<{ value: string; label: string }>;
  clocks: string[];
  fields: RuleField[];
}

type Patch = Record<string, unknown>;

function Labelled({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label style={{ display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
      <span style={{ minWidth: 72, color: 'rgba(0,0,0,0.65)' }}>{label}</span>
      {children}
    </label>
  );
}

export function EffectForm({ effect, onChange, context, idPrefix }: { effect: Effect; onChange: (effect: Effect) => void; context: EffectContext; idPrefix: string }) {
  const { t } = useTranslation('flows');
  const kind = kindOf(effect);
  // Ticked but no complete row yet: the effect stays unconditional until the rule is there.
  const [isWhenOpen, setWhenOpen] = useState(effect.when !== undefined);
  const hasWhen = isWhenOpen || effect.when !== undefined;
  const e = effect as Record<string, unknown>;
  const patch = (p: Patch) => {
    const next: Patch = { ...e, ...p };
    for (const [k, v] of Object.entries(p)) if (v === undefined) delete next[k];
    onChange(next as Effect);
  };
  const recipientSelect = (key: 'to' | 'urge', allowEmpty = false) => (
    <Select
      aria-label={t('recipient')}
      style={{ width: 220 }}
      allowClear={allowEmpty}
      value={e[key] as Recipient | undefined}
      onChange={(to: Recipient | undefined) => patch({ [key]: to })}
      options={recipients.map((r) => ({ value: r, label: t(`recipient_${r}`) }))}
    />
  );
  const clockInput = (key: 'startClock' | 'pauseClock' | 'resumeClock' | 'stopClock') => (
    <AutoComplete
      aria-label={t('clock')}
      style={{ width: 220 }}
      value={e[key] as string}
      options={context.clocks.map((c) => ({ value: c }))}
      onChange={(clock: string) => patch({ [key]: clock })}
    />
  );

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {kind === 'notify' && (
        <>
          <Labelled label={t('template')}>
            <Select aria-label={t('template')} showSearch={{ optionFilterProp: 'label' }} style={{ width: 260 }} value={e.notify as string} options={context.templates} onChange={(notify: string) => patch({ notify })} />
          </Labelled>
          <Labelled label={t('recipient')}>{recipientSelect('to')}</Labelled>
          <Labelled label={t('channels')}>
            <Checkbox.Group
              value={(e.channels as Channel[] | undefined) ?? ['inApp']}
              onChange={(list) => patch({ channels: list.length === 0 ? undefined : list })}
              options={channels.map((c) => ({ value: c, label: t(`channel_${c}`) }))}
            />
          </Labelled>
        </>
      )}
      {kind === 'assign' && (
        <Labelled label={t('assignTo')}>
          <Select aria-label={t('assignTo')} style={{ width: 220 }} value={e.assign as string} onChange={(assign: string) => patch({ assign })} options={['actor', 'none'].map((v) => ({ value: v, label: t(`assign_${v}`) }))} />
        </Labelled>
      )}
      {kind === 'set' && (
        <>
          <Labelled label={t('setField')}>
            <Input aria-label={t('setField')} style={{ width: 220 }} value={e.set as string} onChange={(ev) => patch({ set: ev.target.value })} />
          </Labelled>
          <Labelled label={t('setFrom')}>
            <AutoComplete aria-label={t('setFrom')} style={{ width: 220 }} value={e.from as string} options={setSources.map((value) => ({ value }))} onChange={(from: string) => patch({ from })} />
          </Labelled>
        </>
      )}
      {kind === 'startClock' && (
        <>
          <Labelled label={t('clock')}>{clockInput('startClock')}</Labelled>
          <Labelled label={t('limit')}>
            <LimitInput idPrefix={idPrefix} allowNone={false} value={e.limit as LimitSource} onChange={(limit) => patch({ limit })} />
          </Labelled>
        </>
      )}
      {(kind === 'pauseClock' || kind === 'resumeClock' || kind === 'stopClock') && <Labelled label={t('clock')}>{clockInput(kind)}</Labelled>}
      {kind === 'openTask' && (
        <>
          <Labelled label={t('taskKey')}>
            <Input aria-label={t('taskKey')} style={{ width: 220 }} value={e.openTask as string} onChange={(ev) => patch({ openTask: ev.target.value })} />
          </Labelled>
          <Labelled label={t('taskTitle')}>
            <Input aria-label={t('taskTitle')} style={{ width: 220 }} value={typeof e.title === 'string' ? e.title : ((e.title as { 'zh-CN'?: string })?.['zh-CN'] ?? '')} onChange={(ev) => patch({ title: ev.target.value })} />
          </Labelled>
          <Labelled label={t('limit')}>
            <LimitInput idPrefix={idPrefix} allowNone={false} value={e.limit as LimitSource} onChange={(limit) => patch({ limit })} />
          </Labelled>
          <Labelled label={t('taskTo')}>{recipientSelect('to', true)}</Labelled>
        </>
      )}
      {kind === 'urge' && <Labelled label={t('recipient')}>{recipientSelect('urge')}</Labelled>}
      <Checkbox
        checked={hasWhen}
        onChange={(ev) => {
          setWhenOpen(ev.target.checked);
          if (!ev.target.checked) patch({ when: undefined });
        }}
      >
        {t('effectWhen')}
      </Checkbox>
      {hasWhen && <RuleBuilder value={effect.when} onChange={(when: RuleValue | undefined) => patch({ when })} fields={context.fields} testId={`${idPrefix}-when`} />}
    </Space>
  );
}
