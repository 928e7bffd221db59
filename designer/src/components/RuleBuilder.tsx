/**
 * Edits a JSON Logic rule as rows "字段 [运算] 值" joined by 全部满足（且）/ 任一满足（或）.
 * A rule the rows cannot say (hand-written JSON Logic) is shown read-only as JSON with an
 * "edit as JSON" escape; opening it never changes it. Rows still being filled in stay on screen
 * but are left out of the rule until complete.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Radio, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RuleValue } from '../../../engine/kinds/common';
import { parseJson } from './JsonView';
import { RuleRowEditor } from './RuleRowEditor';
import { buildRule, parseRule, ruleWords, type RuleField, type RuleModel } from './rule-model';
import './rule-messages';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function isRule(value: unknown): value is RuleValue {
  if (typeof value === 'boolean') return true;
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 1;
}

function JsonRuleEditor({ value, onApply, onCancel }: { value: RuleValue | undefined; onApply: (rule: RuleValue | undefined) => void; onCancel?: () => void }) {
  const { t } = useTranslation('rules');
  const [text, setText] = useState(value === undefined ? '' : JSON.stringify(value, null, 2));
  const parsed = text.trim() === '' ? { value: undefined } : parseJson(text);
  const error = parsed.error ?? (parsed.value === undefined || isRule(parsed.value) ? undefined : t('jsonInvalid'));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Input.TextArea
        aria-label="JSON Logic"
        value={text}
        rows={5}
        spellCheck={false}
        style={{ fontFamily: 'ui-monospace, Menlo, monospace', fontSize: 12 }}
        onChange={(e) => setText(e.target.value)}
        data-testid="rule-json"
      />
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      <Space>
        <Button size="small" disabled={error !== undefined} onClick={() => onApply(parsed.value as RuleValue | undefined)} data-testid="rule-json-apply">
          {t('applyJson', { ns: 'common' })}
        </Button>
        {onCancel && (
          <Button size="small" onClick={onCancel}>
            {t('editAsRows')}
          </Button>
        )}
      </Space>
    </Space>
  );
}

export interface RuleBuilderProps {
  value: RuleValue | undefined;
  onChange: (rule: RuleValue | undefined) => void;
  fields: RuleField[];
  /** Names the builder for tests and for the label of its group. */
  testId?: string;
}

export function RuleBuilder({ value, onChange, fields, testId = 'rule-builder' }: RuleBuilderProps) {
  const { t, i18n } = useTranslation('rules');
  const parsed = parseRule(value);
  const [model, setModel] = useState<RuleModel>(parsed ?? { join: 'and', rows: [] });
  const [isJson, setJson] = useState(false);
  const emitted = useRef<unknown>(value);
  // The value changed from outside (undo, JSON, another panel): show it; our own edits keep unfinished rows.
  useEffect(() => {
    if (same(value, emitted.current)) return;
    emitted.current = value;
    const next = parseRule(value);
    if (next) setModel(next);
  }, [value]);

  const update = (next: RuleModel) => {
    setModel(next);
    const rule = buildRule(next);
    if (same(rule, value)) return;
    emitted.current = rule;
    onChange(rule);
  };
  const language = i18n.language.startsWith('en') ? 'en' : 'zh';
  const words = ruleWords(model, fields, language);

  if (isJson || parsed === undefined) {
    return (
      <div data-testid={testId} data-mode="json">
        {!isJson && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Alert type="info" showIcon title={t('notRepresentable')} />
            <pre data-testid="rule-readonly" style={{ background: '#fafafa', padding: 8, margin: 0, fontSize: 12, whiteSpace: 'pre-wrap' }}>
              {JSON.stringify(value, null, 2)}
            </pre>
            <Button size="small" onClick={() => setJson(true)}>
              {t('editAsJson')}
            </Button>
          </Space>
        )}
        {isJson && (
          <JsonRuleEditor
            value={value}
            onApply={(rule) => {
              emitted.current = rule;
              onChange(rule);
              const rows = parseRule(rule);
              if (rows) {
                setModel(rows);
                setJson(false);
              }
            }}
            onCancel={parsed ? () => setJson(false) : undefined}
          />
        )}
      </div>
    );
  }

  return (
    <div data-testid={testId} data-mode="rows">
      <Space direction="vertical" style={{ width: '100%' }}>
        {model.rows.length > 1 && (
          <Radio.Group
            value={model.join}
            onChange={(e) => update({ ...model, join: e.target.value as RuleModel['join'] })}
            options={[
              { value: 'and', label: t('all') },
              { value: 'or', label: t('any') },
            ]}
          />
        )}
        {model.rows.length === 0 && <Typography.Text type="secondary">{t('noCondition')}</Typography.Text>}
        {model.rows.map((row, i) => (
          <RuleRowEditor
            key={i}
            row={row}
            index={i}
            fields={fields}
            onChange={(next) => update({ ...model, rows: model.rows.map((r, j) => (j === i ? next : r)) })}
            onRemove={() => update({ ...model, rows: model.rows.filter((_, j) => j !== i) })}
          />
        ))}
        {fields.length === 0 && <Typography.Text type="warning">{t('noFields')}</Typography.Text>}
        <Space wrap>
          <Button size="small" icon={<PlusOutlined />} onClick={() => setModel({ ...model, rows: [...model.rows, { field: '', op: 'eq' }] })} data-testid={`${testId}-add`}>
            {t('addCondition')}
          </Button>
          <Button size="small" type="link" onClick={() => setJson(true)}>
            {t('editAsJson')}
          </Button>
        </Space>
        {words && (
          <Typography.Text type="secondary" data-testid={`${testId}-words`}>
            {t('inWords', { words })}
          </Typography.Text>
        )}
      </Space>
    </div>
  );
}
