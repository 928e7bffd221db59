/** Revoking a key (signing or trusted): a required reason, the consequence in words, then confirm. */
import { Alert, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { RefusalAlert } from './RefusalAlert';
import { useSubmission } from '../../components/useSubmission';

export function RevokeModal(props: { title: string; warning: string; onRevoke(reason: string): Promise<void>; onClose(): void }) {
  const { t } = useTranslation('packages');
  const [form] = Form.useForm<{ reason: string }>();
  const { error, isBusy, submit: send } = useSubmission();

  const submit = async () => {
    // A missing reason is shown at its field by the form; nothing to send.
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    if (await send(() => props.onRevoke(values.reason.trim()))) props.onClose();
  };

  return (
    <Modal
      open
      title={props.title}
      okText={t('revokeButton')}
      okButtonProps={{ danger: true, loading: isBusy, 'data-testid': 'revoke-confirm' }}
      onOk={() => void submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={props.warning} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" onFinish={() => void submit()}>
        <Form.Item name="reason" label={t('reason')} rules={[{ required: true, whitespace: true, message: t('reasonRequired') }, { max: 500 }]}>
          <Input.TextArea autoFocus rows={3} maxLength={500} placeholder={t('reasonPlaceholder')} data-testid="revoke-reason" />
        </Form.Item>
      </Form>
      <RefusalAlert error={error} testId="revoke-refusal" />
    </Modal>
  );
}
