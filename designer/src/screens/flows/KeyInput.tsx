/**
 * A step or action name, renamed on Enter or when the input loses focus, and only to a valid
 * name no other step (action) has: a rename carries every reference along, so it must not
 * happen on a half-typed name.
 */
import { Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Text } from '../../../../engine/kinds/common';
import { KEY_PATTERN } from './flow-edit';

export function KeyInput({ id, label, value, taken, onRename }: { id: string; label: string; value: string; taken: string[]; onRename: (key: string) => void }) {
  const { t } = useTranslation('flows');
  const [draft, setDraft] = useState(value);
  const error = draft === value ? undefined : !KEY_PATTERN.test(draft) ? t('keyInvalid') : taken.includes(draft) ? t('keyTaken', { key: draft }) : undefined;
  const commit = () => {
    if (draft !== value && error === undefined) onRename(draft);
    else setDraft(value);
  };
  return (
    <Form.Item label={label} htmlFor={id} validateStatus={error ? 'error' : undefined} help={error} extra={t('keyHelp')}>
      <Input id={id} value={draft} maxLength={64} onChange={(e) => setDraft(e.target.value.trim())} onBlur={commit} onPressEnter={commit} />
    </Form.Item>
  );
}

/** The Chinese text of a Text, and a Text with its Chinese replaced (an English translation kept). */
export function zhOf(text: Text | undefined): string {
  return text === undefined ? '' : typeof text === 'string' ? text : text['zh-CN'];
}

export function withZh(text: Text | undefined, zh: string): Text {
  return typeof text === 'object' ? { ...text, 'zh-CN': zh } : zh;
}
