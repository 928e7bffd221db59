/** The two forms of the improvement measures screen: a new measure, and a status change. */
import { Alert, Checkbox, Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { feedbackApi, type Feedback, type Measure, type MeasureSource, type MeasureStatus, type NewMeasure } from '../../api/feedback';
import { showFieldErrors } from './field-errors';

const SOURCES: MeasureSource[] = ['feedback', 'evaluation', 'supervision'];

export function NewMeasureModal({ isOpen, onClose, onDone }: { isOpen: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation('feedback');
  const [form] = Form.useForm<NewMeasure>();
  const [error, setError] = useState<string | null>(null);
  const [feedback, setFeedback] = useState<Feedback[]>([]);
  const source = Form.useWatch('source', form);
  useEffect(() => {
    if (isOpen) feedbackApi.list().then(setFeedback, () => setFeedback([]));
  }, [isOpen]);

  async function submit(values: NewMeasure) {
    try {
      const trim = (s: string) => s.trim();
      await feedbackApi.createMeasure({
        ...values,
        title: trim(values.title),
        description: trim(values.description),
        department: trim(values.department),
        ...(values.source === 'feedback' ? {} : { feedbackIds: [] }),
      });
      form.resetFields();
      onDone();
    } catch (failure) {
      setError(showFieldErrors(form, failure, ['title', 'description', 'source', 'feedbackIds', 'department', 'targetDate']) || null);
    }
  }
  const required = (field: string) => [{ required: true, whitespace: true, message: t('enterField', { field }) }];
  return (
    <Modal open={isOpen} title={t('newMeasure')} onCancel={onClose} onOk={() => form.submit()} okText={t('create')} destroyOnHidden width={640}>
      {error && <Alert type="error" showIcon title={error} />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ source: 'feedback', isPublished: false, feedbackIds: [] }} requiredMark={false}>
        <Form.Item name="title" label={t('measureTitle')} rules={required(t('measureTitle'))}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="description" label={t('description')} rules={required(t('description'))}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item name="source" label={t('source')}>
          <Select options={SOURCES.map((s) => ({ value: s, label: t(`source_${s}`) }))} />
        </Form.Item>
        {source === 'feedback' && (
          <Form.Item name="feedbackIds" label={t('linkedFeedback')}>
            <Select
              mode="multiple"
              optionFilterProp="label"
              options={feedback.map((f) => ({ value: f.id, label: `${t(`kind_${f.kind}`)} · ${f.applicantName} · ${f.text.slice(0, 40)}` }))}
            />
          </Form.Item>
        )}
        <Form.Item name="department" label={t('department')} rules={required(t('department'))}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="targetDate" label={t('targetDate')} rules={required(t('targetDate'))}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="isPublished" valuePropName="checked">
          <Checkbox>{t('isPublished')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}

export interface StatusChange {
  measure: Measure;
  status: MeasureStatus;
}

export function StatusModal({ change, onClose, onDone }: { change: StatusChange | null; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation('feedback');
  const [form] = Form.useForm<{ note?: string; result?: string }>();
  const [error, setError] = useState<string | null>(null);
  const isDone = change?.status === 'done';
  async function submit(values: { note?: string; result?: string }) {
    if (!change) return;
    try {
      await feedbackApi.changeStatus(change.measure.id, {
        status: change.status,
        ...(values.note?.trim() ? { note: values.note.trim() } : {}),
        ...(isDone && values.result?.trim() ? { result: values.result.trim() } : {}),
      });
      form.resetFields();
      onDone();
    } catch (failure) {
      setError(showFieldErrors(form, failure, ['note', 'result']) || null);
    }
  }
  return (
    <Modal open={change !== null} title={t('changeTitle')} onCancel={onClose} onOk={() => form.submit()} okText={change ? t('moveTo', { status: t(`measureStatus_${change.status}`) }) : ''} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} />}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} initialValues={{ result: change?.measure.result ?? '' }}>
        {isDone && (
          <Form.Item name="result" label={t('result')} rules={[{ required: true, whitespace: true, message: t('enterResult') }]}>
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('note')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
