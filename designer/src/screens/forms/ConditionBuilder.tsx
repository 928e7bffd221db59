/**
 * A condition in words: 字段 / 等于·不等于·为“是”… / 值, over the fields beside the one being
 * edited. It reports a condition once it is complete; until then the choice stays local.
 */
import { Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { conditionOps, takesValue, type Condition, type ConditionOp } from './conditions';
import { DraftNumber, DraftText } from './DraftInput';
import type { FieldInfo, FormParts } from './field-list';
import { readChoices } from './options';

type DraftCondition = { field?: string; op?: ConditionOp; value?: unknown };

function opsFor(field: FieldInfo | undefined): ConditionOp[] {
  if (field?.schema.type === 'boolean') return ['isTrue', 'isFalse', 'filled'];
  return conditionOps.filter((op) => op !== 'isTrue' && op !== 'isFalse');
}

function isComplete(c: DraftCondition): c is Condition {
  return c.field !== undefined && c.op !== undefined && (!takesValue(c.op) || (c.value !== undefined && c.value !== ''));
}

export function ConditionBuilder({
  idPrefix,
  condition,
  fields,
  parts,
  onChange,
}: {
  idPrefix: string;
  condition: Condition | undefined;
  /** The fields the condition may test: the edited field's siblings. */
  fields: FieldInfo[];
  parts: FormParts;
  onChange: (condition: Condition) => void;
}) {
  const { t } = useTranslation('forms');
  const [draft, setDraft] = useState<DraftCondition>(condition ?? {});
  useEffect(() => setDraft(condition ?? {}), [condition]);
  const field = fields.find((f) => f.key === draft.field);
  const update = (next: DraftCondition) => {
    setDraft(next);
    if (isComplete(next)) onChange(next);
  };
  const choices = field?.schema.type === 'boolean' ? [{ value: true, label: t('yes') }, { value: false, label: t('no') }] : field ? readChoices(parts, field) : [];
  const valueId = `${idPrefix}-value`;

  let valueInput = null;
  if (draft.op && takesValue(draft.op)) {
    if (choices.length > 0) {
      valueInput = (
        <Select
          id={valueId}
          aria-label={t('condValue')}
          style={{ minWidth: 140 }}
          value={draft.value === undefined ? undefined : JSON.stringify(draft.value)}
          options={choices.map((c) => ({ value: JSON.stringify(c.value), label: c.label }))}
          onChange={(value: string) => update({ ...draft, value: JSON.parse(value) as unknown })}
          data-testid="condition-value"
        />
      );
    } else if (field?.schema.type === 'number' || field?.schema.type === 'integer') {
      valueInput = <DraftNumber id={valueId} value={typeof draft.value === 'number' ? draft.value : undefined} onCommit={(value) => update({ ...draft, value })} testId="condition-value" ariaLabel={t('condValue')} />;
    } else {
      valueInput = <DraftText id={valueId} value={typeof draft.value === 'string' ? draft.value : ''} onCommit={(value) => update({ ...draft, value })} testId="condition-value" ariaLabel={t('condValue')} />;
    }
  }

  return (
    <Space wrap data-testid="condition-builder">
      <Select
        id={`${idPrefix}-field`}
        aria-label={t('condField')}
        style={{ minWidth: 160 }}
        showSearch={{ optionFilterProp: 'label' }}
        value={draft.field}
        options={fields.map((f) => ({ value: f.key, label: typeof f.schema.title === 'string' ? f.schema.title : f.key }))}
        onChange={(key: string) => {
          const next = fields.find((f) => f.key === key);
          update({ field: key, op: opsFor(next)[0] });
        }}
        data-testid="condition-field"
      />
      <Select
        id={`${idPrefix}-op`}
        aria-label={t('condOp')}
        style={{ minWidth: 110 }}
        value={draft.op}
        disabled={!draft.field}
        options={opsFor(field).map((op) => ({ value: op, label: t(`op_${op}`) }))}
        onChange={(op: ConditionOp) => update({ ...draft, op, value: takesValue(op) ? draft.value : undefined })}
        data-testid="condition-op"
      />
      {valueInput}
    </Space>
  );
}
