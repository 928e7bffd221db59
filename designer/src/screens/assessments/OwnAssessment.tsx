/**
 * A platform admin's year: the summary (due 31 January of the next year, late ones marked),
 * submitted or replaced until rated; then the rating and, for 不合格, the rectification with its
 * deadline and the report form.
 */
import { App, Alert, Button, Card, Descriptions, Form, Input, Space, Spin, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { assessmentsApi, type Assessment } from '../../api/assessments';
import { FailureAlert, fieldStatus } from '../../components/FailureAlert';
import { useSubmission } from '../../components/useSubmission';
import { formatDateTime } from '../../components/time';
import { RatingTag, RectificationView, SummaryStateTag } from './tags';

/** One text and a button that posts it; the server's refusal stays at the text. */
function TextForm({ id, label, initial, pointer, placeholder, button, run }: { id: string; label: string; initial: string; pointer: string; placeholder: string; button: string; run(text: string): Promise<unknown> }) {
  const [text, setText] = useState(initial);
  const { error, isBusy, submit } = useSubmission();
  return (
    <Form layout="vertical" onFinish={() => void submit(() => run(text.trim()))}>
      <FailureAlert error={error} fields={[pointer]} testId={`${id}-failure`} />
      <Form.Item label={label} htmlFor={id} required {...fieldStatus(error, pointer)}>
        <Input.TextArea id={id} rows={6} value={text} placeholder={placeholder} onChange={(e) => setText(e.target.value)} maxLength={20000} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={isBusy} disabled={text.trim() === ''} data-testid={`${id}-submit`}>
        {button}
      </Button>
    </Form>
  );
}

export function OwnAssessment({ year }: { year: number }) {
  const { t } = useTranslation('assessments');
  const { message } = App.useApp();
  const [own, setOwn] = useState<{ dueAt: string; assessment: Assessment | null }>();
  const [error, setError] = useState<string>();
  const load = useCallback(() => {
    assessmentsApi.own(year).then(setOwn, (e: Error) => setError(e.message));
  }, [year]);
  useEffect(load, [load]);

  if (error) return <Alert type="error" showIcon role="alert" title={t('loadFailed', { detail: error })} />;
  if (!own) return <Spin />;
  const { assessment } = own;
  const done = (text: string) => () => {
    void message.success(text);
    load();
  };
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={t('ownSummary', { year })} size="small" data-testid="own-summary">
        <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('dueAt')}>{formatDateTime(own.dueAt)}</Descriptions.Item>
          <Descriptions.Item label={t('summaryState')}>
            <SummaryStateTag assessment={assessment} />
          </Descriptions.Item>
        </Descriptions>
        {assessment?.rating ? (
          <>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{assessment.summary}</Typography.Paragraph>
            <Typography.Text type="secondary">{t('lockedByRating')}</Typography.Text>
          </>
        ) : (
          <TextForm
            key={assessment?.submittedAt ?? 'new'}
            id="summary"
            label={t('summary')}
            initial={assessment?.summary ?? ''}
            pointer="/summary"
            placeholder={t('summaryPlaceholder')}
            button={assessment ? t('replace') : t('submit')}
            run={(summary) => assessmentsApi.submit(year, summary).then(done(t('submittedOk')))}
          />
        )}
      </Card>
      {assessment?.rating && (
        <Card title={t('ownRating')} size="small" data-testid="own-rating">
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Space>
              <RatingTag rating={assessment.rating} />
              <Typography.Text>{assessment.comment}</Typography.Text>
            </Space>
            {assessment.rectification && <RectificationView rectification={assessment.rectification} now={new Date().toISOString()} />}
            {(assessment.rectification?.status === 'open' || assessment.rectification?.status === 'reported') && (
              <TextForm
                key={assessment.rectification.reportedAt ?? 'new'}
                id="rectification-report"
                label={t('report')}
                initial={assessment.rectification.report ?? ''}
                pointer="/report"
                placeholder={t('reportPlaceholder')}
                button={t('reportSubmit')}
                run={(report) => assessmentsApi.report(year, report).then(done(t('reportedOk')))}
              />
            )}
          </Space>
        </Card>
      )}
    </Space>
  );
}
