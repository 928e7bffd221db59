/**
 * Under a rectification task: the evaluation that opened it (its stage and indicators) and the
 * appeal against it (申诉复核) — a button to file one while the review is bad and unappealed,
 * or the appeal's status. The task opened in the decision that recorded the evaluation, so the
 * evaluation is the one given at the task's creation instant.
 */
import { Button, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { appealsApi, type Appeal } from '../../api/appeals';
import { deskApi, type Task } from '../../api/desk';
import type { EvaluationRecord } from '../../api/portal';
import { TextActionModal, type TextAction } from '../../components/TextActionModal';
import { EvaluationLine } from '../portal/EvaluatePanel';

const sameInstant = (a: string, b: string) => new Date(a).getTime() === new Date(b).getTime();

/** The appeal against the evaluation behind `task`, among `appeals`. */
export function appealOfTask(task: Task, appeals: Appeal[]): Appeal | undefined {
  return appeals.find((appeal) => appeal.caseId === task.caseId && sameInstant(appeal.evaluationAt, task.createdAt));
}

export function TaskAppeal({ task, appeal, onChanged }: { task: Task; appeal: Appeal | undefined; onChanged: () => Promise<void> }) {
  const { t } = useTranslation('evaluation');
  const [evaluation, setEvaluation] = useState<EvaluationRecord>();
  const [action, setAction] = useState<TextAction>();
  useEffect(() => {
    if (!task.caseId) return;
    let isCurrent = true;
    void deskApi
      .caseView(task.caseId)
      .then((view) => isCurrent && setEvaluation(view.evaluations?.find((record) => sameInstant(record.at, task.createdAt))))
      .catch(() => undefined);
    return () => {
      isCurrent = false;
    };
  }, [task.caseId, task.createdAt]);

  if (!evaluation || !task.caseId) return null;
  const canAppeal = !appeal && evaluation.level <= 2 && task.status === 'open';
  const fileAppeal = () =>
    setAction({
      title: t('appealTitle', { number: task.caseNumber ?? task.caseId }),
      hint: t('appealHint'),
      label: t('appealReason'),
      pointer: '/reason',
      okText: t('appealFile'),
      testId: 'file-appeal',
      run: (reason) => appealsApi.file(task.caseId as string, { evaluationAt: evaluation.at, reason }),
    });
  return (
    <Space wrap data-testid={`task-appeal-${task.caseNumber ?? task.id}`}>
      <EvaluationLine record={evaluation} />
      {appeal && <Tag color={appeal.status === 'upheld' ? 'green' : appeal.status === 'rejected' ? 'default' : 'processing'}>{t(`appealStatus_${appeal.status}`)}</Tag>}
      {appeal?.decisionNote && <Typography.Text type="secondary">{appeal.decisionNote}</Typography.Text>}
      {canAppeal && (
        <Button size="small" onClick={fileAppeal} data-testid="appeal">
          {t('appeal')}
        </Button>
      )}
      <TextActionModal
        action={action}
        onCancel={() => setAction(undefined)}
        onDone={() => {
          setAction(undefined);
          void onChanged();
        }}
      />
    </Space>
  );
}
