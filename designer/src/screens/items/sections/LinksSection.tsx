/**
 * 关联定义: the form, checklist, workflow and guide template the item uses, and notice templates
 * it replaces. Each picks from what the platform can see; "打开设计器" and "新建" open the kind's
 * designer in a new tab, so the item's unsaved working copy stays where it is.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Modal, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Kind } from '../../../api/definitions';
import { ID_PATTERN } from '../../../components/DefinitionIndex';
import { controlId, Field, useItemForm } from '../ItemFieldContext';
import { useDefinitionOptions } from '../useDefinitionOptions';

type RefField = 'form' | 'checklist' | 'workflow' | 'guide';
const refs: Array<{ field: RefField; kind: Kind; path: string }> = [
  { field: 'form', kind: 'Form', path: 'forms' },
  { field: 'checklist', kind: 'Checklist', path: 'checklists' },
  { field: 'workflow', kind: 'Workflow', path: 'flows' },
  { field: 'guide', kind: 'Template', path: 'templates' },
];

/** Options with the current value kept even when the platform cannot see it (the problem list says why). */
function withCurrent(options: Array<{ value: string; label: string }>, value: string | undefined) {
  return value && !options.some((o) => o.value === value) ? [...options, { value, label: value }] : options;
}

function RefField({ field, kind, path, onCreate }: { field: RefField; kind: Kind; path: string; onCreate(): void }) {
  const { t } = useTranslation('items');
  const { doc, setField } = useItemForm();
  const options = withCurrent(useDefinitionOptions(kind), doc[field]);
  return (
    <Field name={field} label={t(`f_${field}`)}>
      {(isLocked) => (
        <Space.Compact style={{ width: '100%' }}>
          <Select
            id={controlId(field)}
            showSearch={{ optionFilterProp: 'label' }}
            disabled={isLocked}
            value={doc[field]}
            options={options}
            style={{ flex: 1 }}
            onChange={(value: string) => setField(field, value)}
          />
          <Button href={`/studio/${path}/${encodeURIComponent(doc[field])}`} target="_blank" data-testid={`open-${field}`}>
            {t('openDesigner')}
          </Button>
          {!isLocked && (
            <Button icon={<PlusOutlined />} onClick={onCreate} data-testid={`create-${field}`}>
              {t('createLinked')}
            </Button>
          )}
        </Space.Compact>
      )}
    </Field>
  );
}

function NoticesField() {
  const { t } = useTranslation('items');
  const { doc, setField } = useItemForm();
  const options = useDefinitionOptions('Template');
  const pairs = Object.entries(doc.notices ?? {});
  const setPairs = (next: Array<[string, string]>) => setField('notices', next.length === 0 ? undefined : Object.fromEntries(next));
  return (
    <Field name="notices" label={t('f_notices')} htmlFor={controlId('notices', '0')}>
      {(isLocked) => (
        <Space direction="vertical" style={{ width: '100%' }}>
          {pairs.map(([from, to], index) => (
            <Space key={index} wrap>
              <Select
                id={controlId('notices', String(index))}
                aria-label={t('noticeFrom')}
                disabled={isLocked}
                style={{ width: 300 }}
                showSearch={{ optionFilterProp: 'label' }}
                value={from || undefined}
                placeholder={t('noticeFrom')}
                options={withCurrent(options, from)}
                onChange={(value: string) => setPairs(pairs.map((p, i) => (i === index ? [value, p[1]] : p)))}
              />
              →
              <Select
                aria-label={t('noticeTo')}
                disabled={isLocked}
                style={{ width: 300 }}
                showSearch={{ optionFilterProp: 'label' }}
                value={to || undefined}
                placeholder={t('noticeTo')}
                options={withCurrent(options, to)}
                onChange={(value: string) => setPairs(pairs.map((p, i) => (i === index ? [p[0], value] : p)))}
              />
              {!isLocked && <Button icon={<DeleteOutlined />} aria-label={t('removeLine', { n: index + 1 })} onClick={() => setPairs(pairs.filter((_, i) => i !== index))} />}
            </Space>
          ))}
          {!isLocked && (
            <Button size="small" icon={<PlusOutlined />} onClick={() => setPairs([...pairs, ['', '']])} disabled={pairs.some(([from]) => from === '')}>
              {t('addNotice')}
            </Button>
          )}
        </Space>
      )}
    </Field>
  );
}

export function LinksSection() {
  const { t } = useTranslation('items');
  const { message } = App.useApp();
  const { doc, setField } = useItemForm();
  const [creating, setCreating] = useState<(typeof refs)[number] | undefined>(undefined);
  const [newId, setNewId] = useState('');
  const isValidId = ID_PATTERN.test(newId) && newId.length >= 2;
  const start = (ref: (typeof refs)[number]) => {
    setNewId(doc.id);
    setCreating(ref);
  };
  const create = () => {
    if (!creating || !isValidId) return;
    setField(creating.field, newId);
    window.open(`/studio/${creating.path}/${encodeURIComponent(newId)}?new=1`, '_blank', 'noopener');
    message.info(t('createLinkedOpened'));
    setCreating(undefined);
  };
  return (
    <Card title={t('groupLinks')} size="small" style={{ marginBottom: 16 }} data-testid="group-links">
      {refs.map((ref) => (
        <RefField key={ref.field} {...ref} onCreate={() => start(ref)} />
      ))}
      <NoticesField />
      <Modal
        open={creating !== undefined}
        title={creating ? t('createLinkedTitle', { kind: t(`kind_${creating.kind}`) }) : ''}
        okButtonProps={{ disabled: !isValidId }}
        onOk={create}
        onCancel={() => setCreating(undefined)}
        destroyOnHidden
      >
        <Typography.Paragraph>{t('createLinkedPrompt')}</Typography.Paragraph>
        <Input autoFocus aria-label={t('createLinkedPrompt')} value={newId} onChange={(e) => setNewId(e.target.value.trim())} onPressEnter={create} status={isValidId ? undefined : 'error'} />
      </Modal>
    </Card>
  );
}
