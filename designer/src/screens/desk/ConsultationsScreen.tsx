/**
 * Consultations inbox (/desk/consultations): open questions to answer (the asker is told in the
 * app); answered ones can go into the FAQ handbook (咨询问答手册) in a wording edited for everyone.
 */
import { Alert, App, Button, Card, Empty, Form, Input, Modal, Segmented, Space, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deskApi, type Consultation } from '../../api/desk';
import { formatDateTime } from '../../components/time';
import { problemText } from './format';

type Filter = 'open' | 'answered';

export function ConsultationsScreen() {
  const { t } = useTranslation('desk');
  const { message } = App.useApp();
  const [filter, setFilter] = useState<Filter>('open');
  const [items, setItems] = useState<Consultation[]>();
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [promoting, setPromoting] = useState<{ id: string; question: string; answer: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      setItems(await deskApi.consultations(filter));
      setError(null);
    } catch (failure) {
      setError(problemText(failure));
    }
  }, [filter]);
  useEffect(() => {
    setItems(undefined);
    void load();
  }, [load]);

  async function run(call: () => Promise<unknown>, done: string, after: () => void) {
    setBusy(true);
    try {
      await call();
      after();
      void message.success(done);
      await load();
    } catch (failure) {
      setError(problemText(failure));
    } finally {
      setBusy(false);
    }
  }

  const answer = (c: Consultation) =>
    run(() => deskApi.answer(c.id, (answers[c.id] ?? '').trim()), t('answered'), () => setAnswers(({ [c.id]: _sent, ...rest }) => rest));
  const promote = () =>
    promoting && run(() => deskApi.promote(promoting.id, { question: promoting.question.trim(), answer: promoting.answer.trim() }), t('promoted'), () => setPromoting(null));

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('consultationsTitle')}
        </Typography.Title>
        <Segmented<Filter> value={filter} onChange={setFilter} options={[{ value: 'open', label: t('consultation_open') }, { value: 'answered', label: t('consultation_answered') }]} />
      </Space>
      {error && <Alert type="error" showIcon title={error} closable={{ onClose: () => setError(null) }} />}
      {!items && !error && <Spin />}
      {items?.length === 0 && <Empty description={t('noConsultations')} />}
      {items?.map((c) => (
        <Card
          key={c.id}
          size="small"
          data-testid={`consultation-${c.id}`}
          title={
            <Space wrap>
              <Typography.Text strong>{c.askerName}</Typography.Text>
              {c.itemTitle && <Tag>{c.itemTitle}</Tag>}
              <Typography.Text type="secondary">{formatDateTime(c.createdAt)}</Typography.Text>
            </Space>
          }
          extra={c.faqId && <Tag color="green">{t('inFaq')}</Tag>}
        >
          <Typography.Paragraph data-testid="consultation-question">{c.question}</Typography.Paragraph>
          {c.status === 'open' ? (
            <Form layout="vertical" onFinish={() => (answers[c.id] ?? '').trim() && void answer(c)}>
              <Form.Item label={t('answer')} htmlFor={`answer-${c.id}`} style={{ marginBottom: 8 }}>
                <Input.TextArea id={`answer-${c.id}`} autoSize={{ minRows: 2 }} value={answers[c.id] ?? ''} onChange={(e) => setAnswers((all) => ({ ...all, [c.id]: e.target.value }))} />
              </Form.Item>
              <Button type="primary" htmlType="submit" disabled={!(answers[c.id] ?? '').trim() || isBusy} data-testid="send-answer">
                {t('sendAnswer')}
              </Button>
            </Form>
          ) : (
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
                {t('answeredAt', { date: formatDateTime(c.answeredAt) })}
              </Typography.Paragraph>
              <Typography.Paragraph data-testid="consultation-answer">{c.answer}</Typography.Paragraph>
              {!c.faqId && (
                <Button onClick={() => setPromoting({ id: c.id, question: c.question, answer: c.answer ?? '' })} data-testid="promote">
                  {t('promote')}
                </Button>
              )}
            </Space>
          )}
        </Card>
      ))}
      <Modal
        open={promoting !== null}
        title={t('promoteTitle')}
        onCancel={() => setPromoting(null)}
        onOk={() => void promote()}
        okText={t('promote')}
        okButtonProps={{ disabled: !promoting?.question.trim() || !promoting?.answer.trim() || isBusy }}
        destroyOnHidden
      >
        {promoting && (
          <Form layout="vertical" onFinish={() => void promote()}>
            <Form.Item label={t('faqQuestion')} htmlFor="faq-question">
              <Input.TextArea id="faq-question" autoSize={{ minRows: 2 }} value={promoting.question} onChange={(e) => setPromoting({ ...promoting, question: e.target.value })} />
            </Form.Item>
            <Form.Item label={t('faqAnswer')} htmlFor="faq-answer">
              <Input.TextArea id="faq-answer" autoSize={{ minRows: 3 }} value={promoting.answer} onChange={(e) => setPromoting({ ...promoting, answer: e.target.value })} />
            </Form.Item>
          </Form>
        )}
      </Modal>
    </Space>
  );
}
