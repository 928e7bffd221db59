/** One row of the rule builder: 字段 [运算] 值, with the value input the field's type calls for. */
import { DeleteOutlined } from '@ant-design/icons';
import { Button, Input, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { defaultOperator, operatorOf, operatorsFor, type RuleField, type RuleRow, type RuleScalar } from './rule-model';
import './rule-messages';

function ValueInput({ row, field, onChange, label }: { row: RuleRow; field: RuleField | undefined; onChange: (value: unknown) => void; label: string }) {
  const { t } = useTranslation('rules');
  const operand = operatorOf(row.op).operand;
  const booleanOptions = [
    { value: true, label: t('yes') },
    { value: false, label: t('no') },
  ];
  const options = field?.options ?? (field?.type === 'boolean' ? booleanOptions : undefined);
  const selectOptions = options?.map((o) => ({ value: o.value as string | number, label: o.label }));
  if (operand === 'none') return null;
  if (operand === 'list') {
    const isNumber = field?.type === 'number';
    return (
      <Select
        aria-label={label}
        mode={options ? 'multiple' : 'tags'}
        style={{ minWidth: 200 }}
        value={Array.isArray(row.value) ? (row.value as Array<string | number>) : []}
        options={selectOptions}
        onChange={(values: Array<string | number>) => onChange(isNumber ? values.map((v) => (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v)) ? Number(v) : v)) : values)}
        tokenSeparators={[',', '，', '、']}
        placeholder={t('values')}
      />
    );
  }
  if (selectOptions) {
    return (
      <Select
        aria-label={label}
        showSearch={{ optionFilterProp: 'label' }}
        style={{ minWidth: 160 }}
        value={row.value as string | number | undefined}
        options={selectOptions}
        onChange={(value: RuleScalar) => onChange(value)}
        placeholder={t('value')}
      />
    );
  }
  if (field?.type === 'number' || typeof row.value === 'number') {
    return <InputNumber aria-label={label} value={typeof row.value === 'number' ? row.value : null} onChange={(value) => onChange(value ?? undefined)} placeholder={t('value')} />;
  }
  return <Input aria-label={label} style={{ width: 180 }} value={typeof row.value === 'string' ? row.value : ''} onChange={(e) => onChange(e.target.value)} placeholder={t('value')} />;
}

export function RuleRowEditor({
  row,
  index,
  fields,
  onChange,
  onRemove,
}: {
  row: RuleRow;
  index: number;
  fields: RuleField[];
  onChange: (row: RuleRow) => void;
  onRemove: () => void;
}) {
  const { t, i18n } = useTranslation('rules');
  const language = i18n.language.startsWith('en') ? 'en' : 'zh';
  const field = fields.find((f) => f.path === row.field);
  const known = fields.map((f) => ({ value: f.path, label: f.label }));
  // A rule may read a field the list lacks (a form not loaded, a case variable): keep it, say so.
  const fieldOptions = row.field === '' || field ? known : [...known, { value: row.field, label: t('unknownField', { path: row.field }) }];
  const operators = operatorsFor(field?.type);
  const operatorOptions = (operators.some((o) => o.op === row.op) ? operators : [...operators, operatorOf(row.op)]).map((o) => ({ value: o.op, label: o[language] }));
  const n = index + 1;
  return (
    <Space wrap data-testid={`rule-row-${index}`}>
      <Select
        aria-label={`${t('field')} ${n}`}
        showSearch={{ optionFilterProp: 'label' }}
        style={{ minWidth: 200 }}
        value={row.field === '' ? undefined : row.field}
        options={fieldOptions}
        placeholder={t('field')}
        onChange={(path: string) => {
          const next = fields.find((f) => f.path === path);
          const keepsOperator = operatorsFor(next?.type).some((o) => o.op === row.op);
          onChange({ field: path, op: keepsOperator ? row.op : defaultOperator(next?.type) });
        }}
      />
      <Select
        aria-label={`${t('operator')} ${n}`}
        style={{ minWidth: 110 }}
        value={row.op}
        options={operatorOptions}
        onChange={(op: RuleRow['op']) => onChange({ field: row.field, op, ...(operatorOf(op).operand === operatorOf(row.op).operand ? { value: row.value } : {}) })}
      />
      <ValueInput row={row} field={field} label={`${t('value')} ${n}`} onChange={(value) => onChange({ ...row, value })} />
      <Button icon={<DeleteOutlined />} aria-label={t('removeCondition')} onClick={onRemove} />
    </Space>
  );
}
