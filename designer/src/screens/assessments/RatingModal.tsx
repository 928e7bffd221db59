/**
 * 评定: the province rates one platform's summary 优秀 / 合格 / 不合格 with a comment; 不合格 asks for
 * the rectification deadline, in working days on the platform's calendar or as a date. The
 * server's problems show at their fields (/rating, /comment, /deadline…).
 */
import { Form, Input, InputNumber, Modal, Radio, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { assessmentsApi, type AssessedPlatform, type Deadline, type Rating } from '../../api/assessments';
import { FailureAlert, fieldStatus } from '../../components/FailureAlert';
import { useSubmission } from '../../components/useSubmission';

export function RatingModal({ year, platform, onDone, onCancel }: { year: number; platform: AssessedPlatform | undefined; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation('assessments');
  const [rating, setRating] = useState<Rating>('qualified');
  const [comment, setComment] = useState('');
  const [kind, setKind] = useState<'workingDays' | 'date'>('workingDays');
  const [workingDays, setWorkingDays] = useState<number | null>(20);
  const [date, setDate] = useState('');
  const { error, isBusy, submit, fail } = useSubmission();
  useEffect(() => {
    setRating('qualified');
    setComment('');
    fail(undefined);
  }, [platform, fail]);

  async function confirm() {
    if (!platform) return;
    if (comment.trim() === '') return fail(new Error(t('required', { ns: 'common', field: t('comment') })));
    const deadline: Deadline | undefined = rating !== 'unqualified' ? undefined : kind === 'date' ? { date } : { workingDays: workingDays ?? 0 };
    if (await submit(() => assessmentsApi.rate(year, platform.platformId, { rating, comment: comment.trim(), ...(deadline ? { deadline } : {}) }))) onDone();
  }

  return (
    <Modal
      open={platform !== undefined}
      title={t('rateTitle', { title: platform?.title ?? '' })}
      okText={t('confirmRating')}
      okButtonProps={{ loading: isBusy, ...({ 'data-testid': 'rating-confirm' } as Record<`data-${string}`, string>) }}
      onOk={() => void confirm()}
      onCancel={onCancel}
      destroyOnHidden
      width={640}
    >
      {platform?.assessment && (
        <Typography.Paragraph type="secondary" ellipsis={{ rows: 4, expandable: true }} style={{ whiteSpace: 'pre-wrap' }}>
          {platform.assessment.summary}
        </Typography.Paragraph>
      )}
      <FailureAlert error={error} fields={['/rating', '/comment', '/deadline']} testId="rating-failure" />
      <Form layout="vertical">
        <Form.Item label={t('rating')} required {...fieldStatus(error, '/rating')}>
          <Radio.Group value={rating} onChange={(e) => setRating(e.target.value as Rating)} data-testid="rating-choice">
            {(['excellent', 'qualified', 'unqualified'] as const).map((r) => (
              <Radio.Button key={r} value={r}>
                {t(`rating_${r}`)}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item label={t('comment')} htmlFor="rating-comment" required {...fieldStatus(error, '/comment')}>
          <Input.TextArea id="rating-comment" rows={3} value={comment} onChange={(e) => setComment(e.target.value)} maxLength={20000} />
        </Form.Item>
        {rating === 'unqualified' && (
          <Form.Item label={t('deadline')} required {...fieldStatus(error, '/deadline')}>
            <Space orientation="vertical">
              <Radio.Group value={kind} onChange={(e) => setKind(e.target.value as 'workingDays' | 'date')} aria-label={t('deadlineKind')}>
                <Radio value="workingDays">{t('byWorkingDays')}</Radio>
                <Radio value="date">{t('byDate')}</Radio>
              </Radio.Group>
              {kind === 'workingDays' ? (
                <Space>
                  <InputNumber id="rating-working-days" aria-label={t('workingDays')} min={1} max={250} value={workingDays} onChange={setWorkingDays} />
                  <span>{t('workingDaysUnit')}</span>
                </Space>
              ) : (
                <Input id="rating-deadline-date" aria-label={t('deadlineDate')} type="date" value={date} onChange={(e) => setDate(e.target.value)} style={{ width: 200 }} />
              )}
            </Space>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
