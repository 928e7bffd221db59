/**
 * The applicant's form data as a read-only table with the form's own field titles, in the
 * order applicants saw them: choices by their labels, yes/no in words, sections and repeating
 * groups nested. Keys the form does not (or no longer) declare follow under their own names.
 */
import { Descriptions, Empty, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { flatten, labelOf, listFields, type FieldInfo, type FormParts } from '../forms/field-list';
import { isNode } from '../forms/json-path';
import { readChoices } from '../forms/options';
import { RevealValue } from './RevealValue';

type Describe = (value: unknown) => string;

/** Masked values (pointers under /data) of a case staff may reveal. */
interface Masking {
  caseId: string;
  masked: ReadonlySet<string>;
}

function valueText(parts: FormParts, field: FieldInfo, value: unknown, yesNo: Describe): string {
  const choices = readChoices(parts, field);
  const labelFor = (v: unknown) => choices.find((c) => c.value === v)?.label ?? yesNo(v);
  if (Array.isArray(value)) return value.map(labelFor).join('、');
  return labelFor(value);
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

interface FieldsProps {
  parts: FormParts;
  fields: FieldInfo[];
  data: Record<string, unknown>;
  yesNo: Describe;
  /** The JSON Pointer of `data` in the case (`/data`, `/data/agent`, `/data/inventors/0`). */
  at: string;
  masking?: Masking;
}

function Fields({ parts, fields, data, yesNo, at, masking }: FieldsProps) {
  const shown = fields.filter((field) => !isEmpty(data[field.key]));
  return (
    <Descriptions size="small" column={1} bordered styles={{ label: { width: 220 } }}>
      {shown.map((field) => {
        const value = data[field.key];
        let content;
        if (field.type === 'group' && Array.isArray(value)) {
          content = (
            <Space direction="vertical" style={{ width: '100%' }}>
              {value.map((entry, index) => (
                <div key={index}>
                  <Typography.Text type="secondary">#{index + 1}</Typography.Text>
                  <Fields parts={parts} fields={field.children ?? []} data={isNode(entry) ? entry : {}} yesNo={yesNo} at={`${at}/${field.key}/${index}`} masking={masking} />
                </div>
              ))}
            </Space>
          );
        } else if (field.children && isNode(value)) {
          content = <Fields parts={parts} fields={field.children} data={value} yesNo={yesNo} at={`${at}/${field.key}`} masking={masking} />;
        } else if (masking?.masked.has(`${at}/${field.key}`) && typeof value === 'string') {
          content = <RevealValue caseId={masking.caseId} path={`${at}/${field.key}`} masked={value} label={labelOf(field)} />;
        } else {
          content = valueText(parts, field, value, yesNo);
        }
        return (
          <Descriptions.Item key={field.id} label={labelOf(field)}>
            <span data-testid={`form-value-${field.key}`}>{content}</span>
          </Descriptions.Item>
        );
      })}
    </Descriptions>
  );
}

/** `caseId` and `masked` (the case view's pointers) give each masked value a 查看 button. */
export function FormDataView({ form, data, caseId, masked }: { form: FormParts | undefined; data: Record<string, unknown>; caseId?: string; masked?: string[] }) {
  const { t } = useTranslation('desk');
  const yesNo: Describe = (value) => (value === true ? t('yes') : value === false ? t('no') : isNode(value) ? JSON.stringify(value) : String(value));
  if (Object.keys(data).length === 0) return <Empty description={t('noFormData')} />;
  const fields = form ? listFields(form) : [];
  const declared = new Set(flatten(fields).map((f) => f.key));
  const extra = Object.entries(data).filter(([key, value]) => !declared.has(key) && !isEmpty(value));
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="form-data">
      {form && <Fields parts={form} fields={fields} data={data} yesNo={yesNo} at="/data" {...(caseId && masked ? { masking: { caseId, masked: new Set(masked) } } : {})} />}
      {extra.length > 0 && (
        <Descriptions size="small" column={1} bordered styles={{ label: { width: 220 } }}>
          {extra.map(([key, value]) => (
            <Descriptions.Item key={key} label={key}>
              {Array.isArray(value) ? value.map(yesNo).join('、') : yesNo(value)}
            </Descriptions.Item>
          ))}
        </Descriptions>
      )}
    </Space>
  );
}
