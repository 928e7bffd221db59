/**
 * 好差评: rate a case on the five-level scale (非常满意 … 非常不满意) with a comment and the
 * indicators the evaluation action declares (服务态度, 办事效率 …, each 1–5 stars), at each
 * stage the flow invites it (受理评价 while the service runs, 办结评价 after it); and see the
 * evaluations given and the platform's reply. Radios and stars both work from the keyboard.
 */
import { Alert, Button, Card, Descriptions, Form, Input, Radio, Rate, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { evaluationIndicatorLabel, evaluationLevelLabel } from '../../../../engine/labels.js';
import type { CaseAction, Evaluation, EvaluationRecord } from '../../api/portal';
import { formatDateTime } from '../../components/time';

const LEVELS = [5, 4, 3, 2, 1];

export interface EvaluationInput {
  level: number;
  comment: string;
  /** Only the indicators rated. */
  indicators: Record<string, number>;
}

/** The five level labels in the current language, worst first (what the stars' tooltips read). */
function useLevelLabels(): string[] {
  const { t } = useTranslation('evaluation');
  return [1, 2, 3, 4, 5].map((level) => t(`level_${level}`, { defaultValue: evaluationLevelLabel(level) }));
}

export function EvaluateForm({ action, onSubmit }: { action: Pick<CaseAction, 'title' | 'indicators'>; onSubmit(input: EvaluationInput): Promise<void> }) {
  const { t } = useTranslation('portal');
  const { t: te } = useTranslation('evaluation');
  const labels = useLevelLabels();
  const [isBusy, setBusy] = useState(false);
  const indicators = action.indicators ?? [];
  async function submit(values: { level: number; comment?: string; indicators?: Record<string, number | undefined> }) {
    setBusy(true);
    try {
      const rated = Object.entries(values.indicators ?? {}).filter((entry): entry is [string, number] => typeof entry[1] === 'number' && entry[1] > 0);
      await onSubmit({ level: values.level, comment: values.comment ?? '', indicators: Object.fromEntries(rated) });
    } finally {
      setBusy(false);
    }
  }
  return (
    <Card title={action.title || t('evaluateTitle')} data-testid="evaluate">
      <Form layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="level" label={t('evaluationLevel')} extra={te('levelHint')} rules={[{ required: true, message: t('chooseLevel') }]}>
          <Radio.Group options={LEVELS.map((level) => ({ value: level, label: labels[level - 1] }))} />
        </Form.Item>
        {indicators.length > 0 && (
          <Form.Item label={te('indicatorsTitle')} extra={te('indicatorsHint')} style={{ marginBottom: 8 }}>
            {indicators.map((indicator) => (
              <Form.Item
                key={indicator.key}
                name={['indicators', indicator.key]}
                label={indicator.title}
                rules={indicator.isRequired ? [{ required: true, message: te('chooseIndicator', { title: indicator.title }) }] : []}
                style={{ marginBottom: 4 }}
              >
                <Rate tooltips={labels} aria-label={indicator.title} data-testid={`indicator-${indicator.key}`} />
              </Form.Item>
            ))}
          </Form.Item>
        )}
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

/** The indicators rated, each as its label and stars. */
export function IndicatorTags({ indicators }: { indicators: Record<string, number> | undefined }) {
  return (
    <>
      {Object.entries(indicators ?? {}).map(([key, value]) => (
        <Tag key={key} data-testid={`rated-${key}`}>
          {evaluationIndicatorLabel(key)} {'★'.repeat(value)}
        </Tag>
      ))}
    </>
  );
}

/** One evaluation as a line: its stage, level, indicators and time. */
export function EvaluationLine({ record }: { record: EvaluationRecord }) {
  const { t } = useTranslation('evaluation');
  const level = t(`level_${record.level}`, { defaultValue: evaluationLevelLabel(record.level) });
  const stage = record.stage ? t(`stage_${record.stage}`, { defaultValue: t('stageUnknown') }) : t('stageUnknown');
  return (
    <Space wrap size={[8, 4]} data-testid={`evaluation-${record.step}`}>
      <Tag color={record.level <= 2 ? 'red' : 'green'}>{t('evaluationOf', { stage, level })}</Tag>
      <IndicatorTags indicators={record.indicators} />
      {record.comment && <Typography.Text>{record.comment}</Typography.Text>}
      <Typography.Text type="secondary">{t('evaluatedAt', { date: formatDateTime(record.at) })}</Typography.Text>
    </Space>
  );
}

export function EvaluationShown({ evaluation, evaluations = [] }: { evaluation: Evaluation; evaluations?: EvaluationRecord[] }) {
  const { t } = useTranslation('portal');
  const { t: te } = useTranslation('evaluation');
  const { reply } = evaluation;
  return (
    <Card title={t('evaluationTitle')} data-testid="evaluation">
      {evaluations.length > 1 ? (
        <Space orientation="vertical" style={{ marginBottom: 12 }}>
          {evaluations.map((record) => (
            <EvaluationLine key={record.at} record={record} />
          ))}
        </Space>
      ) : (
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('evaluationLevel')}>{t(`level_${evaluation.level}`, { defaultValue: evaluationLevelLabel(evaluation.level) })}</Descriptions.Item>
          {evaluations[0]?.indicators && (
            <Descriptions.Item label={te('indicatorsTitle')}>
              <IndicatorTags indicators={evaluations[0].indicators} />
            </Descriptions.Item>
          )}
          {evaluation.comment && <Descriptions.Item label={t('evaluationComment')}>{evaluation.comment}</Descriptions.Item>}
          <Descriptions.Item label={t('evaluatedAt')}>{formatDateTime(evaluation.at)}</Descriptions.Item>
        </Descriptions>
      )}
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
