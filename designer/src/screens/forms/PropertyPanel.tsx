/**
 * The selected field's properties: key, label, help, placeholder, required and shown by rule,
 * default, min/max, pattern and options — only those its type has (field-types.ts). Every
 * change is one patch of the schema or uiSchema, and one undo step.
 */
import { Empty, Form, Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { DraftNumber, DraftText } from './DraftInput';
import { isKeyFree, type FieldInfo, type FormParts } from './field-list';
import { fieldTypes, type LimitKind } from './field-types';
import { pointerOf } from './json-path';
import { choicesToText, choiceValueType, readChoices, textToChoices, writeChoices } from './options';
import { RuleSettings } from './RuleSettings';
import { renameField, setFieldSchema, setFieldUi } from './schema-edit';

type Edit = (edit: (parts: FormParts) => FormParts) => void;

/** Keys rules can name as `form.<key>`: a letter or underscore, then letters, digits, underscores. */
const KEY_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

const limitKeywords: Record<LimitKind, [string, string]> = {
  length: ['minLength', 'maxLength'],
  value: ['minimum', 'maximum'],
  items: ['minItems', 'maxItems'],
};

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const number = (value: unknown) => (typeof value === 'number' ? value : undefined);

function DefaultInput({ parts, field, onEdit }: { parts: FormParts; field: FieldInfo; onEdit: Edit }) {
  const { t } = useTranslation('forms');
  const commit = (value: unknown) => onEdit((p) => setFieldSchema(p, field, { default: value === '' || value === null ? undefined : value }));
  const current = field.schema.default;
  const choices = field.schema.type === 'boolean' ? [{ value: true, label: t('yes') }, { value: false, label: t('no') }] : readChoices(parts, field);
  if (choices.length > 0) {
    return (
      <Select
        id="prop-default"
        allowClear
        placeholder={t('none')}
        value={current === undefined ? undefined : JSON.stringify(current)}
        options={choices.map((c) => ({ value: JSON.stringify(c.value), label: c.label }))}
        onChange={(value?: string) => commit(value === undefined ? undefined : (JSON.parse(value) as unknown))}
      />
    );
  }
  if (field.schema.type === 'number' || field.schema.type === 'integer') return <DraftNumber id="prop-default" value={number(current)} onCommit={commit} />;
  return <DraftText id="prop-default" value={text(current)} onCommit={commit} />;
}

export function PropertyPanel({
  parts,
  field,
  siblings,
  onEdit,
  onSelect,
}: {
  parts: FormParts;
  field: FieldInfo | undefined;
  /** The other fields of the selected field's object, which its conditions may test. */
  siblings: FieldInfo[];
  onEdit: Edit;
  onSelect: (id: string) => void;
}) {
  const { t } = useTranslation('forms');
  if (!field) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noSelection')} />;
  const type = field.type ? fieldTypes[field.type] : undefined;
  const schemaEdit = (patch: Record<string, unknown>) => onEdit((p) => setFieldSchema(p, field, patch));
  const uiEdit = (patch: Record<string, unknown>) => onEdit((p) => setFieldUi(p, field, patch));
  const checkKey = (key: string) => (!KEY_PATTERN.test(key) ? t('keyInvalid') : key !== field.key && !isKeyFree(parts, field.container, key) ? t('keyTaken', { key }) : undefined);
  const rename = (key: string) => {
    onEdit((p) => renameField(p, field, key));
    onSelect(pointerOf([...field.container.uiPath, key]));
  };
  const checkPattern = (pattern: string) => {
    try {
      new RegExp(pattern, 'u');
      return undefined;
    } catch {
      return t('patternInvalid');
    }
  };
  const limits = type?.limits ? limitKeywords[type.limits] : undefined;

  return (
    <Form layout="vertical" size="small" data-testid="property-panel" data-field-id={field.id} key={field.id}>
      <Form.Item label={t('fieldType')}>
        <Tag>{t(`type_${field.type ?? 'other'}`)}</Tag>
      </Form.Item>
      <Form.Item label={t('key')} htmlFor="prop-key" tooltip={t('keyHelp')}>
        <DraftText id="prop-key" value={field.key} check={checkKey} onCommit={rename} />
      </Form.Item>
      <Form.Item label={t('label')} htmlFor="prop-title">
        <DraftText id="prop-title" value={text(field.schema.title)} onCommit={(title) => schemaEdit({ title: title === '' ? undefined : title })} />
      </Form.Item>
      <Form.Item label={t('help')} htmlFor="prop-help">
        <DraftText id="prop-help" rows={2} value={text(field.ui['ui:help'])} onCommit={(help) => uiEdit({ 'ui:help': help === '' ? undefined : help })} />
      </Form.Item>
      {type?.hasPlaceholder && (
        <Form.Item label={t('placeholder')} htmlFor="prop-placeholder">
          <DraftText id="prop-placeholder" value={text(field.ui['ui:placeholder'])} onCommit={(value) => uiEdit({ 'ui:placeholder': value === '' ? undefined : value })} />
        </Form.Item>
      )}
      <RuleSettings key={field.id} parts={parts} field={field} siblings={siblings} onEdit={onEdit} />
      {type?.hasOptions && (
        <Form.Item label={t('options')} htmlFor="prop-options" extra={t('optionsHelp')}>
          <DraftText id="prop-options" rows={5} value={choicesToText(readChoices(parts, field))} onCommit={(lines) => onEdit((p) => writeChoices(p, field, textToChoices(lines, choiceValueType(field))))} />
        </Form.Item>
      )}
      {type?.hasDefault && (
        <Form.Item label={t('defaultValue')} htmlFor="prop-default">
          <DefaultInput parts={parts} field={field} onEdit={onEdit} />
        </Form.Item>
      )}
      {limits?.map((keyword) => (
        <Form.Item key={keyword} label={t(keyword)} htmlFor={`prop-${keyword}`}>
          <DraftNumber id={`prop-${keyword}`} value={number(field.schema[keyword])} onCommit={(value) => schemaEdit({ [keyword]: value })} />
        </Form.Item>
      ))}
      {type?.hasPattern && (
        <Form.Item label={t('pattern')} htmlFor="prop-pattern">
          <DraftText id="prop-pattern" value={text(field.schema.pattern)} check={checkPattern} onCommit={(pattern) => schemaEdit({ pattern: pattern === '' ? undefined : pattern })} />
        </Form.Item>
      )}
    </Form>
  );
}
