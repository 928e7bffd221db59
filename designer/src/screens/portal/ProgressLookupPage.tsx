/**
 * 信息公示专区: anyone with a case number and its verification code sees how far the case has
 * come — the item, step and progress nodes only, never who applied or what they submitted.
 * `?number=` fills the number in (a link from a receipt).
 */
import { Alert, Button, Card, Descriptions, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { portalApi, type PublicProgress } from '../../api/portal';
import { ProgressTimeline } from './CaseProgress';
import { DueDate, StatusTag } from './status';

export function ProgressLookupPage() {
  const { t } = useTranslation('portal');
  const [params] = useSearchParams();
  const [result, setResult] = useState<PublicProgress | null | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  async function lookUp(values: { number: string; code: string }) {
    setBusy(true);
    setError(null);
    try {
      setResult(await portalApi.progress(values.number.trim(), values.code.trim().toUpperCase()));
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('progressLookup')}
      </Typography.Title>
      <Card>
        <Typography.Paragraph type="secondary">{t('progressLookupHint')}</Typography.Paragraph>
        <Form layout="inline" onFinish={lookUp} initialValues={{ number: params.get('number') ?? '', code: '' }} requiredMark={false}>
          <Form.Item name="number" label={t('caseNumber')} rules={[{ required: true, message: t('enterNumber') }]}>
            <Input style={{ width: 400 }} autoComplete="off" />
          </Form.Item>
          <Form.Item name="code" label={t('verificationCode')} rules={[{ required: true, message: t('enterCode') }]}>
            <Input style={{ width: 140 }} autoComplete="off" maxLength={12} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={isBusy} data-testid="look-up">
            {t('lookUp')}
          </Button>
        </Form>
      </Card>
      {error && <Alert type="error" showIcon title={error} />}
      {result === null && <Alert type="warning" showIcon title={t('progressNotFound')} data-testid="progress-not-found" />}
      {result && (
        <Card title={result.itemTitle} data-testid="progress-result">
          <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 24 }}>
            <Descriptions.Item label={t('caseNumber')}>{result.number}</Descriptions.Item>
            <Descriptions.Item label={t('status')}>
              <StatusTag status={result.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('currentStep')}>{result.stepTitle}</Descriptions.Item>
            <Descriptions.Item label={t('dueDate')}>
              <DueDate dueAt={result.dueAt} />
            </Descriptions.Item>
          </Descriptions>
          <ProgressTimeline nodes={result.nodes.map((node, i) => ({ key: String(i), title: node.title, at: node.at }))} />
        </Card>
      )}
    </Space>
  );
}
