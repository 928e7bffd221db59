/**
 * A confirmation that needs one text (a reason, a note): the dialog of 状态变更, 关闭整改, 摘牌 ….
 * Empty text is stopped here; the server's refusal stays in the dialog, at the text when its
 * problem points there, above it otherwise.
 */
import { Form, Input, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FailureAlert, fieldStatus } from './FailureAlert';
import { useSubmission } from './useSubmission';

export interface TextAction {
  title: string;
  hint?: string;
  label: string;
  /** The JSON pointer of the text in the request body, e.g. "/reason". */
  pointer: string;
  okText: string;
  isDanger?: boolean;
  testId: string;
  run(text: string): Promise<unknown>;
}

export function TextActionModal({ action, onDone, onCancel }: { action: TextAction | undefined; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const { error, isBusy, submit, fail } = useSubmission();
  useEffect(() => {
    setText('');
    fail(undefined);
  }, [action, fail]);

  async function confirm() {
    if (!action) return;
    if (text.trim() === '') return fail(new Error(t('required', { field: action.label })));
    if (await submit(() => action.run(text.trim()))) onDone();
  }

  const id = `${action?.testId ?? 'text-action'}-text`;
  return (
    <Modal
      open={action !== undefined}
      title={action?.title}
      okText={action?.okText}
      okButtonProps={{ danger: action?.isDanger, loading: isBusy, ...({ 'data-testid': `${action?.testId}-confirm` } as Record<`data-${string}`, string>) }}
      onOk={() => void confirm()}
      onCancel={onCancel}
      destroyOnHidden
    >
      {action?.hint && <Typography.Paragraph>{action.hint}</Typography.Paragraph>}
      <FailureAlert error={error} fields={action ? [action.pointer] : []} testId={`${action?.testId}-failure`} />
      <Form layout="vertical">
        <Form.Item label={action?.label} htmlFor={id} required {...fieldStatus(error, action?.pointer ?? '/')}>
          <Input.TextArea id={id} autoFocus rows={3} value={text} onChange={(e) => setText(e.target.value)} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
