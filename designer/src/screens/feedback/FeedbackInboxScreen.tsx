/**
 * 反馈 inbox (/desk/feedback): complaints and suggestions of the platform, open first and
 * earliest due first, with the due time and 已超期 / 今日到期 badges; staff answer in place (the
 * person is told in the app) or file feedback for someone at the counter.
 */
import { Alert, App, Button, Card, Empty, Form, Input, Modal, Radio, Segmented, Space, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { feedbackApi, type Feedback, type FeedbackKind } from '../../api/feedback';
import { formatDateTime } from '../../components/time';
import { problemText } from '../desk/format';
import { showFieldErrors } from './field-errors';

type Filter = 'open' | 'answered' | 'all';

/** The calendar day of an instant in China, as the desk reads due dates. */
const chinaDay = (instant: string | Date): string => new Date(new Date(instant).getTime() + 8 * 3600_000).toISOString().slice(0, 10);

function DueTags({ item }: { item: Feedback }) {
  const { t } = useTranslation('feedback');
  const isDueToday = item.status === 'open' && !item.isOverdue && chinaDay(item.answerDueAt) === chinaDay(new Date());
  return (
    <Space size={4}>
      <Typography.Text type="secondary">{t('dueBy', { date: formatDateTime(item.answerDueAt) })}</Typography.Text>
      {item.isOverdue && (
        <Tag color="red" data-testid="feedback-overdue">
          {t('overdue')}
        </Tag>
      )}
      {isDueToday && <Tag color="orange">{t('dueToday')}</Tag>}
    </Space>
  );
}

interface CounterValues {
  kind: FeedbackKind;
  text: string;
  name: string;
  phone: string;
}

function CounterModal({ isOpen, onClose, onFiled }: { isOpen: boolean; onClose: () => void; onFiled: () => void }) {
  const { t } = useTranslation('feedback');
  const [form] = Form.useForm<CounterValues>();
  const [error, setError] = useState<string | null>(null);
  async function submit(values: CounterValues) {
    try {
      await feedbackApi.file({ kind: values.kind, text: values.text.trim(), applicant: { name: values.name.trim(), phone: values.phone.trim() } });
      form.resetFields();
      onFiled();
    } catch (failure) {
      setError(showFieldErrors(form, failure, ['kind', 'text']) || null);
    }
  }
  return (
    <Modal open={isOpen} title={t('fileForApplicant')} onCancel={onClose} onOk={() => form.submit()} okText={t('submit')} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'complaint' }} requiredMark={false}>
        <Form.Item name="kind" label={t('kind')}>
          <Radio.Group optionType="button" options={(['complaint', 'suggestion'] as const).map((kind) => ({ value: kind, label: t(`kind_${kind}`) }))} />
        </Form.Item>
        <Form.Item name="text" label={t('text')} rules={[{ required: true, whitespace: true, message: t('enterText') }]}>
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item name="name" label={t('applicantName')} rules={[{ required: true, whitespace: true, message: t('enterApplicantName') }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="phone" label={t('applicantPhone')} rules={[{ required: true, whitespace: true, message: t('enterApplicantPhone') }]}>
          <Input maxLength={32} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function FeedbackInboxScreen() {
  const { t } = useTranslation('feedback');
  const { message } = App.useApp();
  const [filter, setFilter] = useState<Filter>('open');
  const [items, setItems] = useState<Feedback[]>();
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const [isFiling, setFiling] = useState(false);

  const load = useCallback(async () => {
    try {
      setItems(await feedbackApi.list(filter === 'all' ? undefined : filter));
      setError(null);
    } catch (failure) {
      setError(problemText(failure));
    }
  }, [filter]);
  useEffect(() => {
    setItems(undefined);
    void load();
  }, [load]);

  async function answer(item: Feedback) {
    setBusy(true);
    try {
      await feedbackApi.answer(item.id, (answers[item.id] ?? '').trim());
      setAnswers(({ [item.id]: _sent, ...rest }) => rest);
      void message.success(t('answered'));
      await load();
    } catch (failure) {
      setError(problemText(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('inboxTitle')}
        </Typography.Title>
        <Space wrap>
          <Segmented<Filter> value={filter} onChange={setFilter} options={(['open', 'answered', 'all'] as const).map((f) => ({ value: f, label: t(`filter_${f}`) }))} />
          <Button onClick={() => setFiling(true)}>{t('fileForApplicant')}</Button>
        </Space>
      </Space>
      {error && <Alert type="error" showIcon title={error} closable={{ onClose: () => setError(null) }} />}
      {!items && !error && <Spin />}
      {items?.length === 0 && <Empty description={t('noFeedbackInbox')} />}
      {items?.map((item) => (
        <Card
          key={item.id}
          size="small"
          data-testid={`feedback-${item.id}`}
          title={
            <Space wrap>
              <Tag color={item.kind === 'complaint' ? 'volcano' : 'geekblue'}>{t(`kind_${item.kind}`)}</Tag>
              <Typography.Text strong>{item.applicantName}</Typography.Text>
              {item.isFiledAtCounter && <Tag>{t('filedAtCounter')}</Tag>}
              {item.caseNumber && <Tag>{t('caseLabel', { number: item.caseNumber })}</Tag>}
              {item.itemTitle && <Tag>{item.itemTitle}</Tag>}
              <Typography.Text type="secondary">{formatDateTime(item.createdAt)}</Typography.Text>
            </Space>
          }
          extra={<DueTags item={item} />}
        >
          <Typography.Paragraph data-testid="feedback-text">{item.text}</Typography.Paragraph>
          {item.measureId && <Tag color="green">{t('linkedMeasure')}</Tag>}
          {item.status === 'open' ? (
            <Form layout="vertical" onFinish={() => (answers[item.id] ?? '').trim() && void answer(item)}>
              <Form.Item label={t('answer')} htmlFor={`feedback-answer-${item.id}`} style={{ marginBottom: 8 }}>
                <Input.TextArea
                  id={`feedback-answer-${item.id}`}
                  autoSize={{ minRows: 2 }}
                  maxLength={4000}
                  placeholder={t('answerPlaceholder')}
                  value={answers[item.id] ?? ''}
                  onChange={(e) => setAnswers((all) => ({ ...all, [item.id]: e.target.value }))}
                />
              </Form.Item>
              <Button type="primary" htmlType="submit" disabled={!(answers[item.id] ?? '').trim() || isBusy} data-testid="send-feedback-answer">
                {t('sendAnswer')}
              </Button>
            </Form>
          ) : (
            <>
              <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
                {t('answeredAt', { date: formatDateTime(item.answeredAt) })}
              </Typography.Paragraph>
              <Typography.Paragraph data-testid="feedback-answer">{item.answer}</Typography.Paragraph>
            </>
          )}
        </Card>
      ))}
      <CounterModal
        isOpen={isFiling}
        onClose={() => setFiling(false)}
        onFiled={() => {
          setFiling(false);
          void message.success(t('filed'));
          void load();
        }}
      />
    </Space>
  );
}
