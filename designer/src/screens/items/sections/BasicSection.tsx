/** 基本信息: name, description, codes, category, who it serves, what it does, channel, department. */
import { Card, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { channelLabels } from '../../../../../engine/labels';
import type { Text } from '../../../api/definitions';
import { controlId, Field, useItemForm } from '../ItemFieldContext';
import { orUndefinedWhenEmpty, withKey, type ItemDoc } from '../itemDoc';

const zhOf = (text: Text | undefined) => (typeof text === 'string' ? text : (text?.['zh-CN'] ?? ''));
const enOf = (text: Text | undefined) => (typeof text === 'string' ? '' : (text?.en ?? ''));

/** Sets one locale of a Text; a text without English stays a plain Chinese string. */
export function withLocale(text: Text | undefined, locale: 'zh-CN' | 'en', value: string): Text | undefined {
  const zh = locale === 'zh-CN' ? value : zhOf(text);
  const en = locale === 'en' ? value : enOf(text);
  if (en === '') return zh === '' ? undefined : zh;
  return { 'zh-CN': zh, en };
}

export function BasicSection() {
  const { t } = useTranslation('items');
  const { doc, setField } = useItemForm();
  const code = doc.code ?? {};
  const setCode = (key: 'basic' | 'implementation', value: string) =>
    setField('code', orUndefinedWhenEmpty(withKey(code, key, value)) as ItemDoc['code']);
  return (
    <Card title={t('groupBasic')} size="small" style={{ marginBottom: 16 }} data-testid="group-basic">
      <Field name="title" label={t('f_title')} otherParts={['en']}>
        {(isLocked) => (
          <Input id={controlId('title')} disabled={isLocked} value={zhOf(doc.title)} onChange={(e) => setField('title', withLocale(doc.title, 'zh-CN', e.target.value) ?? '')} />
        )}
      </Field>
      <Field name="title" label={t('f_titleEn')} htmlFor={controlId('title', 'en')} part="en">
        {(isLocked) => (
          <Input id={controlId('title', 'en')} disabled={isLocked} value={enOf(doc.title)} onChange={(e) => setField('title', withLocale(doc.title, 'en', e.target.value) ?? '')} />
        )}
      </Field>
      <Field name="description" label={t('f_description')}>
        {(isLocked) => (
          <Input.TextArea
            id={controlId('description')}
            disabled={isLocked}
            autoSize={{ minRows: 1, maxRows: 4 }}
            value={zhOf(doc.description)}
            onChange={(e) => setField('description', withLocale(doc.description, 'zh-CN', e.target.value))}
          />
        )}
      </Field>
      <Field name="code" label={t('f_codeBasic')} htmlFor={controlId('code', 'basic')} otherParts={['implementation']}>
        {(isLocked) => <Input id={controlId('code', 'basic')} disabled={isLocked} value={code.basic ?? ''} maxLength={12} onChange={(e) => setCode('basic', e.target.value.trim())} />}
      </Field>
      <Field name="code" label={t('f_codeImplementation')} htmlFor={controlId('code', 'implementation')} part="implementation">
        {(isLocked) => (
          <Input id={controlId('code', 'implementation')} disabled={isLocked} value={code.implementation ?? ''} maxLength={31} onChange={(e) => setCode('implementation', e.target.value.trim())} />
        )}
      </Field>
      <Field name="category" label={t('f_category')}>
        {(isLocked) => <Input id={controlId('category')} disabled={isLocked} value={doc.category} onChange={(e) => setField('category', e.target.value)} />}
      </Field>
      <Field name="targets" label={t('f_targets')}>
        {(isLocked) => (
          <Select
            id={controlId('targets')}
            mode="tags"
            disabled={isLocked}
            value={doc.targets}
            placeholder={t('placeholderTargets')}
            tokenSeparators={['、', ',', '，']}
            open={false}
            suffixIcon={null}
            onChange={(value: string[]) => setField('targets', value)}
          />
        )}
      </Field>
      <Field name="content" label={t('f_content')}>
        {(isLocked) => (
          <Input.TextArea id={controlId('content')} disabled={isLocked} autoSize={{ minRows: 2, maxRows: 8 }} value={doc.content} onChange={(e) => setField('content', e.target.value)} />
        )}
      </Field>
      <Field name="channel" label={t('f_channel')}>
        {(isLocked) => (
          <Select
            id={controlId('channel')}
            disabled={isLocked}
            value={doc.channel}
            options={Object.entries(channelLabels).map(([value, label]) => ({ value, label }))}
            onChange={(value: ItemDoc['channel']) => setField('channel', value)}
          />
        )}
      </Field>
      <Field name="channelNote" label={t('f_channelNote')}>
        {(isLocked) => (
          <Input.TextArea
            id={controlId('channelNote')}
            disabled={isLocked}
            autoSize={{ minRows: 1, maxRows: 4 }}
            value={doc.channelNote ?? ''}
            onChange={(e) => setField('channelNote', e.target.value || undefined)}
          />
        )}
      </Field>
      <Field name="department" label={t('f_department')} otherParts={['uscc']}>
        {(isLocked) => (
          <Input id={controlId('department')} disabled={isLocked} value={doc.department.name} onChange={(e) => setField('department', { ...doc.department, name: e.target.value })} />
        )}
      </Field>
      <Field name="department" label={t('f_departmentUscc')} htmlFor={controlId('department', 'uscc')} part="uscc">
        {(isLocked) => (
          <Input
            id={controlId('department', 'uscc')}
            disabled={isLocked}
            maxLength={18}
            value={doc.department.uscc ?? ''}
            onChange={(e) => setField('department', withKey(doc.department, 'uscc', e.target.value.trim().toUpperCase()))}
          />
        )}
      </Field>
    </Card>
  );
}
