/**
 * Trusting a publisher's key: publisher, public key (PEM) and the fingerprint compared with the
 * publisher. Pasting one entry of the publisher's /api/network/keys (JSON) into the key box fills
 * all three. The server recomputes the fingerprint and refuses a mismatch, naming the field.
 */
import { SafetyOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { keysApi, type TrustedKey, type TrustRequest } from '../../api/packages';
import { RefusalAlert } from './RefusalAlert';
import { useAttempt } from '../../components/useAttempt';

/** One key of a publisher's /api/network/keys, pasted as JSON; undefined when the text is not one. */
export function trustFromJson(text: string): TrustRequest | undefined {
  if (!text.trim().startsWith('{')) return undefined;
  try {
    const key = JSON.parse(text) as { platformId?: unknown; publicKey?: unknown; fingerprint?: unknown };
    if (typeof key.platformId === 'string' && typeof key.publicKey === 'string' && typeof key.fingerprint === 'string') {
      return { publisher: key.platformId, publicKey: key.publicKey, fingerprint: key.fingerprint };
    }
  } catch {
    // Not JSON: an ordinary PEM being typed or pasted.
  }
  return undefined;
}

export function TrustForm({ onTrusted }: { onTrusted(): Promise<void> }) {
  const { t } = useTranslation('packages');
  const { message } = App.useApp();
  const [form] = Form.useForm<TrustRequest>();
  const { error, isBusy, attempt } = useAttempt<TrustedKey>();
  const required = (field: string) => [{ required: true, whitespace: true, message: t('fieldRequired', { field }) }];

  const submit = async (values: TrustRequest) => {
    const key = await attempt(() => keysApi.trust({ publisher: values.publisher.trim(), publicKey: values.publicKey.trim(), fingerprint: values.fingerprint.trim() }));
    if (!key) return;
    message.success(t('trusted', { keyId: key.keyId }));
    form.resetFields();
    await onTrusted();
  };

  return (
    <Form form={form} layout="vertical" onFinish={(values) => void submit(values)} data-testid="trust-form"
      onValuesChange={(changed: Partial<TrustRequest>) => {
        const filled = changed.publicKey === undefined ? undefined : trustFromJson(changed.publicKey);
        if (filled) {
          form.setFieldsValue(filled);
          message.info(t('filledFromJson'));
        }
      }}>
      <Typography.Paragraph type="secondary">{t('trustHint')}</Typography.Paragraph>
      <Form.Item name="publisher" label={t('trustPublisher')} rules={required(t('trustPublisher'))}>
        <Input placeholder={t('trustPublisherPlaceholder')} data-testid="trust-publisher" />
      </Form.Item>
      <Form.Item name="publicKey" label={t('trustPublicKey')} rules={required(t('trustPublicKey'))}>
        <Input.TextArea rows={5} placeholder="-----BEGIN PUBLIC KEY-----" style={{ fontFamily: 'ui-monospace, monospace', fontSize: 12 }} data-testid="trust-public-key" />
      </Form.Item>
      <Form.Item name="fingerprint" label={t('trustFingerprint')} rules={required(t('trustFingerprint'))}>
        <Input style={{ fontFamily: 'ui-monospace, monospace' }} data-testid="trust-fingerprint" />
      </Form.Item>
      <RefusalAlert error={error} testId="trust-refusal" />
      <Button type="primary" htmlType="submit" icon={<SafetyOutlined />} loading={isBusy} style={{ marginTop: 12 }} data-testid="trust-key">
        {t('trustButton')}
      </Button>
    </Form>
  );
}
