/**
 * 投诉与建议 (portal, signed in): file a complaint or suggestion, optionally about one of my cases
 * or a service, and see my feedback with its due time and answer (我的反馈). Errors from the
 * server are shown at the field they name.
 */
import { Alert, App, Button, Card, Form, Input, List, Radio, Select, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { feedbackApi, type Feedback, type FeedbackContact, type FeedbackKind } from '../../api/feedback';
import { portalApi, type CaseSummary } from '../../api/portal';
import { formatDateTime } from '../../components/time';
import { useSession } from '../../session/session';
import { useItemTitles } from '../portal/useItemTitles';
import { showFieldErrors } from './field-errors';

interface Values {
  kind: FeedbackKind;
  text: string;
  caseId?: string;
  itemId?: string;
  contact?: FeedbackContact;
}

const FIELDS = ['kind', 'text', 'caseId', 'itemId', 'contact'];

export function FeedbackPage() {
  const { t } = useTranslation('feedback');
  const { message } = App.useApp();
  const { me } = useSession();
  const [form] = Form.useForm<Values>();
  const [mine, setMine] = useState<Feedback[] | undefined>();
  const [cases, setCases] = useState<CaseSummary[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const titles = useItemTitles(me?.platformId);

  const load = useCallback(() => feedbackApi.list().then(setMine, (failure: Error) => setError(failure.message)), []);
  useEffect(() => {
    void load();
    portalApi.myCases().then((page) => setCases(page.cases), () => setCases([]));
  }, [load]);

  async function submit(values: Values) {
    setBusy(true);
    setError(null);
    try {
      await feedbackApi.file({
        kind: values.kind,
        text: values.text.trim(),
        ...(values.caseId ? { caseId: values.caseId } : {}),
        ...(values.itemId ? { itemId: values.itemId } : {}),
        ...(values.contact ? { contact: values.contact } : {}),
      });
      form.resetFields(['text', 'caseId', 'itemId']);
      void message.success(t('filed'));
      await load();
    } catch (failure) {
      const rest = showFieldErrors(form, failure, FIELDS);
      if (rest) setError(rest);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('fileTitle')}
      </Typography.Title>
      <Card>
        <Typography.Paragraph type="secondary">{t('fileIntro')}</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'complaint' }} requiredMark={false} data-testid="feedback-form">
          <Form.Item name="kind" label={t('kind')}>
            <Radio.Group
              optionType="button"
              options={(['complaint', 'suggestion'] as const).map((kind) => ({ value: kind, label: t(`kind_${kind}`) }))}
            />
          </Form.Item>
          <Form.Item name="text" label={t('text')} rules={[{ required: true, whitespace: true, message: t('enterText') }]}>
            <Input.TextArea rows={5} maxLength={2000} showCount placeholder={t('textPlaceholder')} data-testid="feedback-text" />
          </Form.Item>
          <Form.Item name="caseId" label={t('aboutCase')}>
            <Select allowClear placeholder={t('noCase')} options={cases.map((c) => ({ value: c.id, label: `${c.number} ${c.itemTitle}` }))} />
          </Form.Item>
          <Form.Item name="itemId" label={t('aboutItem')}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('noItem')} options={Object.entries(titles).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="contact" label={t('contact')}>
            <Select allowClear options={(['inApp', 'phone', 'email'] as const).map((c) => ({ value: c, label: t(`contact_${c}`) }))} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={isBusy} data-testid="submit-feedback">
            {t('submit')}
          </Button>
        </Form>
      </Card>
      {error && <Alert type="error" showIcon title={error} />}
      <Card title={t('myFeedback')}>
        <List
          data-testid="my-feedback"
          loading={!mine && !error}
          dataSource={mine ?? []}
          locale={{ emptyText: t('noFeedback') }}
          renderItem={(f) => (
            <List.Item data-testid="feedback">
              <Space orientation="vertical" style={{ width: '100%' }} size={4}>
                <Space wrap>
                  <Tag>{t(`kind_${f.kind}`)}</Tag>
                  <Tag color={f.status === 'answered' ? 'green' : 'blue'}>{t(`status_${f.status}`)}</Tag>
                  {f.caseNumber && <Tag>{t('caseLabel', { number: f.caseNumber })}</Tag>}
                  {f.itemTitle && <Tag>{f.itemTitle}</Tag>}
                  <Typography.Text type="secondary">{formatDateTime(f.createdAt)}</Typography.Text>
                </Space>
                <Typography.Text>{f.text}</Typography.Text>
                {f.answer ? (
                  <Typography.Paragraph style={{ margin: 0 }} data-testid="feedback-answer">
                    {t('answerIs', { answer: f.answer })}
                  </Typography.Paragraph>
                ) : (
                  <Typography.Text type="secondary">
                    {t('awaitingAnswer')} · {t('dueBy', { date: formatDateTime(f.answerDueAt) })}
                  </Typography.Text>
                )}
              </Space>
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}
