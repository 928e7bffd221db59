/**
 * Keywords for the portal's search, and the locks a province admin puts on its items: the
 * fields a platform adopting the item must keep. Others see the locks but cannot change them.
 */
import { Card, Checkbox, Form, Select, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { controlId, Field, useItemForm } from '../ItemFieldContext';
import { lockableFields } from '../itemDoc';

/** The label of a field as the form shows it. */
export function useFieldLabel(): (field: string) => string {
  const { t } = useTranslation('items');
  return (field) => t(`f_${field}`, { defaultValue: field });
}

function LocksField() {
  const { t } = useTranslation('items');
  const { doc, setField, canEditLocks, locked: inheritedLocks } = useItemForm();
  const labelOf = useFieldLabel();
  const locks = doc.locked ?? [];
  if (!canEditLocks) {
    return (
      <Form.Item label={t('f_locked')}>
        {locks.length === 0 ? <Typography.Text type="secondary">—</Typography.Text> : locks.map((field) => <Tag key={field}>{labelOf(field)}</Tag>)}
      </Form.Item>
    );
  }
  return (
    <Form.Item label={t('f_locked')} help={t('lockedHelp')}>
      <Checkbox.Group
        data-testid="locks"
        value={locks}
        onChange={(values) => {
          const next = lockableFields.filter((f) => values.includes(f));
          setField('locked', next.length === 0 ? undefined : next);
        }}
        options={lockableFields.map((field) => ({ value: field, label: labelOf(field), disabled: inheritedLocks.has(field) }))}
      />
    </Form.Item>
  );
}

export function OtherSection() {
  const { t } = useTranslation('items');
  const { doc, setField } = useItemForm();
  return (
    <Card title={t('groupOther')} size="small" style={{ marginBottom: 16 }} data-testid="group-other">
      <Field name="keywords" label={t('f_keywords')}>
        {(isLocked) => (
          <Select
            id={controlId('keywords')}
            mode="tags"
            open={false}
            suffixIcon={null}
            disabled={isLocked}
            value={doc.keywords ?? []}
            placeholder={t('placeholderKeywords')}
            tokenSeparators={['、', ',', '，']}
            onChange={(value: string[]) => setField('keywords', value.length === 0 ? undefined : value)}
          />
        )}
      </Field>
      <LocksField />
    </Card>
  );
}
