/**
 * 好差评: rate a finished case on the five-level scale (非常满意 … 非常不满意) with a comment, and
 * see the evaluation given and the platform's reply to it.
 */
import { Alert, Button, Card, Descriptions, Form, Input, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { evaluationLevelLabel } from '../../../../engine/labels.js';
import type { Evaluation } from '../../api/portal';
import { formatDateTime } from '../../components/time';

const LEVELS = [5, 4, 3, 2, 1];

export function EvaluateForm({ onSubmit }: { onSubmit(input: { level: number; comment: string }): Promise<void> }) {
  const { t } = useTranslation('portal');
  const [isBusy, setBusy] = useState(false);
  async function submit(values: { level: number; comment?: string }) {
    setBusy(true);
    try {
      await onSubmit({ level: values.level, comment: values.comment ?? '' });
    } finally {
      setBusy(false);
    }
  }
  return (
    <Card title={t('evaluateTitle')} data-testid="evaluate">
      <Form layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="level" label={t('evaluationLevel')} rules={[{ required: true, message: t('chooseLevel') }]}>
          <Radio.Group options={LEVELS.map((level) => ({ value: level, label: t(`level_${level}`, { defaultValue: evaluationLevelLabel(level) }) }))} />
        </Form.Item>
        <Form.Item name="comment" label={t('evaluationComment')}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={isBusy} data-testid="submit-evaluation">
          {t('submitEvaluation')}
        </Button>
      </Form>
    </Card>
  );
}

export function EvaluationShown({ evaluation }: { evaluation: Evaluation }) {
  const { t } = useTranslation('portal');
  const { reply } = evaluation;
  return (
    <Card title={t('evaluationTitle')} data-testid="evaluation">
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('evaluationLevel')}>{t(`level_${evaluation.level}`, { defaultValue: evaluationLevelLabel(evaluation.level) })}</Descriptions.Item>
        {evaluation.comment && <Descriptions.Item label={t('evaluationComment')}>{evaluation.comment}</Descriptions.Item>}
        <Descriptions.Item label={t('evaluatedAt')}>{formatDateTime(evaluation.at)}</Descriptions.Item>
      </Descriptions>
      {reply ? (
        <Alert
          type="success"
          showIcon
          title={t('platformReplyAt', { at: formatDateTime(reply.at) })}
          description={<span data-testid="evaluation-reply">{reply.text}</span>}
        />
      ) : (
        <Alert type="info" showIcon title={t('noReplyYet')} />
      )}
    </Card>
  );
}
