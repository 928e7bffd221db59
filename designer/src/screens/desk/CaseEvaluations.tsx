/**
 * The evaluations (好差评) of a case on the desk's case screen: each with its stage, level and
 * indicators; a bad one with its appeal (申诉复核) status, or the 申诉 button while none is filed.
 */
import { Button, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { appealsApi, type Appeal } from '../../api/appeals';
import type { EvaluationRecord } from '../../api/portal';
import { TextActionModal, type TextAction } from '../../components/TextActionModal';
import { EvaluationLine } from '../portal/EvaluatePanel';

const sameInstant = (a: string, b: string) => new Date(a).getTime() === new Date(b).getTime();

export function CaseEvaluations({ caseId, caseNumber, evaluations }: { caseId: string; caseNumber: string; evaluations: EvaluationRecord[] }) {
  const { t } = useTranslation('evaluation');
  const [appeals, setAppeals] = useState<Appeal[]>([]);
  const [action, setAction] = useState<TextAction>();
  const load = useCallback(async () => setAppeals(await appealsApi.list({ caseId }).catch(() => [])), [caseId]);
  useEffect(() => {
    void load();
  }, [load, evaluations.length]);

  const fileAppeal = (evaluation: EvaluationRecord) =>
    setAction({
      title: t('appealTitle', { number: caseNumber }),
      hint: t('appealHint'),
      label: t('appealReason'),
      pointer: '/reason',
      okText: t('appealFile'),
      testId: 'file-appeal',
      run: (reason) => appealsApi.file(caseId, { evaluationAt: evaluation.at, reason }),
    });
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="case-evaluations">
      {evaluations.map((evaluation) => {
        const appeal = appeals.find((a) => sameInstant(a.evaluationAt, evaluation.at));
        return (
          <Space key={evaluation.at} wrap>
            <EvaluationLine record={evaluation} />
            {appeal && <Tag color={appeal.status === 'upheld' ? 'green' : appeal.status === 'rejected' ? 'default' : 'processing'}>{t(`appealStatus_${appeal.status}`)}</Tag>}
            {appeal?.decisionNote && <Typography.Text type="secondary">{appeal.decisionNote}</Typography.Text>}
            {!appeal && evaluation.level <= 2 && (
              <Button size="small" onClick={() => fileAppeal(evaluation)} data-testid="appeal">
                {t('appeal')}
              </Button>
            )}
          </Space>
        );
      })}
      <TextActionModal
        action={action}
        onCancel={() => setAction(undefined)}
        onDone={() => {
          setAction(undefined);
          void load();
        }}
      />
    </Space>
  );
}
