/** Asks for a new step's title, name and stage; Enter adds it. */
import { Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Stage } from '../../../../engine/kinds/workflow';
import { stageTitles } from '../../../../engine/labels';
import { KEY_PATTERN, uniqueKey } from './flow-edit';
import { stages } from './flow-vocab';

export function AddStepModal({ open, taken, onAdd, onClose }: { open: boolean; taken: string[]; onAdd: (step: { key: string; title: string; stage?: Stage }) => void; onClose: () => void }) {
  const { t } = useTranslation('flows');
  const [title, setTitle] = useState('');
  const [key, setKey] = useState('');
  const [stage, setStage] = useState<Stage | ''>('');
  const suggested = uniqueKey('step', taken);
  const chosen = key === '' ? suggested : key;
  const error = !KEY_PATTERN.test(chosen) ? t('keyInvalid') : taken.includes(chosen) ? t('keyTaken', { key: chosen }) : undefined;
  const canAdd = title.trim() !== '' && error === undefined;
  const submit = () => {
    if (!canAdd) return;
    onAdd({ key: chosen, title: title.trim(), ...(stage ? { stage } : {}) });
    setTitle('');
    setKey('');
    setStage('');
  };
  return (
    <Modal open={open} title={t('addStepTitle')} onOk={submit} onCancel={onClose} okButtonProps={{ disabled: !canAdd, ...({ 'data-testid': 'add-step-ok' } as Record<string, string>) }} destroyOnHidden>
      <Form layout="vertical" component="div">
        <Form.Item label={t('stepTitle')} htmlFor="new-step-title" required>
          <Input id="new-step-title" autoFocus value={title} onChange={(e) => setTitle(e.target.value)} onPressEnter={submit} />
        </Form.Item>
        <Form.Item label={t('stepKey')} htmlFor="new-step-key" validateStatus={error ? 'error' : undefined} help={error} extra={t('keyHelp')}>
          <Input id="new-step-key" placeholder={suggested} value={key} onChange={(e) => setKey(e.target.value.trim())} onPressEnter={submit} />
        </Form.Item>
        <Form.Item label={t('stage')} htmlFor="new-step-stage">
          <Select id="new-step-stage" value={stage} onChange={setStage} options={[{ value: '', label: t('noStage') }, ...stages.map((s) => ({ value: s, label: stageTitles[s] }))]} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
