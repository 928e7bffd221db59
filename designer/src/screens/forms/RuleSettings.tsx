/**
 * When a field is required and when it shows: 必填 否 / 是 / 满足条件时, and 显示 始终 / 满足条件时,
 * each condition built in words. A condition the builder cannot read (hand-written JSON Schema)
 * is shown as JSON and stays as written until the user picks another.
 */
import { Form, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Condition } from './conditions';
import { ConditionBuilder } from './ConditionBuilder';
import { conditionalEntries, type FieldInfo, type FormParts, type RuleRef } from './field-list';
import { getIn, nodeAt } from './json-path';
import { setRequired, setRequiredWhen, setVisibleWhen } from './schema-edit';

type Edit = (edit: (parts: FormParts) => FormParts) => void;

function CustomCondition({ parts, field, rule }: { parts: FormParts; field: FieldInfo; rule: RuleRef }) {
  const { t } = useTranslation('forms');
  const entry = conditionalEntries(nodeAt(parts.schema, field.container.schemaPath)).find((e) => e.index === rule.branch);
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="custom-condition">
      {t('customCondition', { json: JSON.stringify(entry?.entry.if ?? getIn(parts.schema, [...field.container.schemaPath, 'allOf', rule.branch])) })}
    </Typography.Text>
  );
}

export function RuleSettings({ parts, field, siblings, onEdit }: { parts: FormParts; field: FieldInfo; siblings: FieldInfo[]; onEdit: Edit }) {
  const { t } = useTranslation('forms');
  // 满足条件时 chosen but no complete condition yet: the schema stays as it is until there is one.
  const [isRequiredPending, setRequiredPending] = useState(false);
  const [isVisiblePending, setVisiblePending] = useState(false);
  const isConditional = field.visibleWhen !== undefined;
  const requiredRule = field.requiredWhen[0];
  const requiredMode = requiredRule || isRequiredPending ? 'when' : field.isRequired ? 'always' : 'no';
  const visibility = isConditional || isVisiblePending ? 'when' : 'always';

  const chooseRequired = (mode: string) => {
    setRequiredPending(mode === 'when' && !requiredRule);
    if (mode === 'always') onEdit((p) => setRequired(p, field, true));
    if (mode === 'no') onEdit((p) => (isConditional ? setRequired(p, field, false) : setRequiredWhen(p, field, undefined)));
  };
  const requireWhen = (condition: Condition) => {
    setRequiredPending(false);
    onEdit((p) => setRequiredWhen(p, field, condition));
  };
  const chooseVisibility = (mode: string) => {
    setVisiblePending(mode === 'when' && !isConditional);
    if (mode === 'always') onEdit((p) => setVisibleWhen(p, field, undefined));
  };
  const showWhen = (condition: Condition) => {
    setVisiblePending(false);
    onEdit((p) => setVisibleWhen(p, field, condition));
  };

  return (
    <>
      <Form.Item label={t('requiredLabel')} data-testid="prop-required">
        <Radio.Group
          optionType="button"
          value={requiredMode}
          onChange={(e) => chooseRequired(e.target.value as string)}
          options={[
            { value: 'no', label: t('required_no') },
            { value: 'always', label: t('required_always') },
            ...(isConditional ? [] : [{ value: 'when', label: t('required_when') }]),
          ]}
        />
      </Form.Item>
      {requiredMode === 'when' && (
        <Form.Item label={t('requiredWhenHint')} data-testid="prop-required-when">
          {requiredRule && requiredRule.condition === undefined && <CustomCondition parts={parts} field={field} rule={requiredRule} />}
          <ConditionBuilder idPrefix="prop-required-when" condition={requiredRule?.condition} fields={siblings} parts={parts} onChange={requireWhen} />
        </Form.Item>
      )}
      <Form.Item label={t('visibility')} data-testid="prop-visibility">
        <Radio.Group
          optionType="button"
          value={visibility}
          onChange={(e) => chooseVisibility(e.target.value as string)}
          options={[
            { value: 'always', label: t('visibility_always') },
            { value: 'when', label: t('visibility_when') },
          ]}
        />
      </Form.Item>
      {visibility === 'when' && (
        <Form.Item data-testid="prop-visible-when">
          {field.visibleWhen && field.visibleWhen.condition === undefined && <CustomCondition parts={parts} field={field} rule={field.visibleWhen} />}
          <ConditionBuilder idPrefix="prop-visible-when" condition={field.visibleWhen?.condition} fields={siblings} parts={parts} onChange={showWhen} />
        </Form.Item>
      )}
    </>
  );
}
