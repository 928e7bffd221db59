/**
 * 在线咨询: ask the platform a question, optionally about one service item, and see my questions
 * with their answers (newest first). `?item=` preselects the item (from a guide page).
 */
import { Alert, App, Button, Card, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { portalApi, type Consultation } from '../../api/portal';
import { useSession } from '../../session/session';
import { formatDateTime } from '../../components/time';
import { useItemTitles } from './useItemTitles';

export function ConsultationsPage() {
  const { t } = useTranslation('portal');
  const { message } = App.useApp();
  const { me } = useSession();
  const [params] = useSearchParams();
  const [form] = Form.useForm<{ itemId?: string; question: string }>();
  const [mine, setMine] = useState<Consultation[] | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const titles = useItemTitles(me?.platformId);

  const load = useCallback(() => portalApi.myConsultations().then(setMine, (failure: Error) => setError(failure.message)), []);
  useEffect(() => {
    void load();
  }, [load]);

  async function ask(values: { itemId?: string; question: string }) {
    setBusy(true);
    try {
      await portalApi.ask({ question: values.question.trim(), ...(values.itemId ? { itemId: values.itemId } : {}) });
      form.resetFields(['question']);
      void message.success(t('asked'));
      await load();
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('consultTitle')}
        </Typography.Title>
        <Link to="/faq">{t('seeFaq')}</Link>
      </Space>
      <Card title={t('askTitle')}>
        <Form form={form} layout="vertical" onFinish={ask} initialValues={{ itemId: params.get('item') ?? undefined }} requiredMark={false}>
          <Form.Item name="itemId" label={t('aboutItem')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('anyItem')}
              options={Object.entries(titles).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
          <Form.Item name="question" label={t('question')} rules={[{ required: true, whitespace: true, message: t('enterQuestion') }]}>
            <Input.TextArea rows={4} maxLength={1000} showCount />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={isBusy} data-testid="ask">
            {t('ask')}
          </Button>
        </Form>
      </Card>
      {error && <Alert type="error" showIcon title={error} />}
      <Card title={t('myQuestions')}>
        <List
          data-testid="my-consultations"
          loading={!mine && !error}
          dataSource={mine ?? []}
          locale={{ emptyText: t('noQuestions') }}
          renderItem={(c) => (
            <List.Item data-testid="consultation">
              <Space orientation="vertical" style={{ width: '100%' }} size={4}>
                <Space wrap>
                  <Tag color={c.status === 'answered' ? 'green' : 'blue'}>{t(`consult_${c.status}`, { defaultValue: c.status })}</Tag>
                  {c.itemId && <Tag>{c.itemTitle ?? titles[c.itemId] ?? c.itemId}</Tag>}
                  <Typography.Text type="secondary">{formatDateTime(c.createdAt)}</Typography.Text>
                </Space>
                <Typography.Text strong>{c.question}</Typography.Text>
                {c.answer ? (
                  <Typography.Paragraph style={{ margin: 0 }} data-testid="consultation-answer">
                    {t('answerIs', { answer: c.answer })}
                  </Typography.Paragraph>
                ) : (
                  <Typography.Text type="secondary">{t('awaitingAnswer')}</Typography.Text>
                )}
              </Space>
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}
