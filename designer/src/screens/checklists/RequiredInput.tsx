/**
 * Whether a material is required: 必需 / 可选 / 按条件. 按条件 edits the rule with the rule
 * builder and fills the guide's 条件说明 from the rule's words, unless the user wrote their own.
 */
import { Button, Form, Input, Radio, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RuleValue } from '../../../../engine/kinds/common';
import type { Material } from '../../../../engine/kinds/checklist';
import { RuleBuilder } from '../../components/RuleBuilder';
import { parseRule, ruleWords, type RuleField } from '../../components/rule-model';

type Mode = 'always' | 'never' | 'rule';

/** The rule's words, or undefined when the rule is hand-written JSON Logic. */
function wordsOf(rule: RuleValue | undefined, fields: RuleField[]): string | undefined {
  const model = parseRule(rule);
  return model ? ruleWords(model, fields) : undefined;
}

export function RequiredInput({
  material,
  fields,
  onChange,
}: {
  material: Material;
  fields: RuleField[];
  onChange: (patch: Partial<Material>) => void;
}) {
  const { t } = useTranslation('checklists');
  // 按条件 chosen but no complete row yet: the document still says required until a rule exists.
  const [isRulePending, setRulePending] = useState(false);
  const rule = typeof material.required === 'object' ? material.required : undefined;
  const mode: Mode = rule !== undefined || isRulePending ? 'rule' : material.required ? 'always' : 'never';
  const words = wordsOf(rule, fields);

  const setMode = (next: Mode) => {
    setRulePending(next === 'rule' && rule === undefined);
    if (next === 'always') onChange({ required: true, condition: undefined });
    if (next === 'never') onChange({ required: false });
  };
  const setRule = (next: RuleValue | undefined) => {
    if (next === undefined) {
      setRulePending(true);
      onChange({ required: true });
      return;
    }
    setRulePending(false);
    const nextWords = wordsOf(next, fields);
    // The condition text follows the rule while it is the rule's own words (or empty).
    const isTextFollowing = material.condition === undefined || material.condition === '' || material.condition === words;
    onChange({ required: next, ...(isTextFollowing && nextWords ? { condition: nextWords } : {}) });
  };

  return (
    <>
      <Form.Item label={t('required')}>
        <Radio.Group
          value={mode}
          onChange={(e) => setMode(e.target.value as Mode)}
          optionType="button"
          options={[
            { value: 'always', label: t('required_always') },
            { value: 'never', label: t('required_never') },
            { value: 'rule', label: t('required_rule') },
          ]}
          data-testid="material-required"
        />
      </Form.Item>
      {mode === 'rule' && (
        <Form.Item label={t('requiredWhen')}>
          <RuleBuilder value={rule} onChange={setRule} fields={fields} testId="required-rule" />
        </Form.Item>
      )}
      {mode !== 'always' && (
        <Form.Item label={t('condition')} htmlFor="material-condition" extra={t('conditionHelp')}>
          <Space.Compact style={{ width: '100%' }}>
            <Input id="material-condition" value={material.condition ?? ''} onChange={(e) => onChange({ condition: e.target.value === '' ? undefined : e.target.value })} />
            {words && (
              <Button onClick={() => onChange({ condition: words })} disabled={material.condition === words}>
                {t('fillFromRule')}
              </Button>
            )}
          </Space.Compact>
        </Form.Item>
      )}
    </>
  );
}
