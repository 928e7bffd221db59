/**
 * One task: a rectification (差评整改) or a follow-up visit of a sampled good review (回访任务).
 * The case and the review behind it, the deadline (overdue flagged by the server) with the
 * worker's reminder (已催办) and escalation (已督办) badges, the reply to the applicant's
 * evaluation, follow-up visits (回访) and closing with the result — a rectification closes only
 * after at least one visit; a follow-up task closes with the visit that reaches the applicant,
 * so it gets one button per outcome.
 */
import { Alert, Button, Card, Descriptions, Form, Input, List, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { deskApi, type Task, type VisitOutcome } from '../../api/desk';
import { formatDateTime } from '../../components/time';
import { problemText } from './format';

const outcomes: VisitOutcome[] = ['satisfied', 'unsatisfied', 'unreachable'];

/** The kind of task a sampled good review opens (definitions/province/workflows/standard-service.json). */
const FOLLOW_UP = 'followUp';

export function TaskCard({ task, onChanged }: { task: Task; onChanged: () => Promise<void> }) {
  const { t } = useTranslation('desk');
  const [note, setNote] = useState('');
  const [outcome, setOutcome] = useState<VisitOutcome>();
  const [result, setResult] = useState('');
  const [reply, setReply] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const isOpen = task.status === 'open';
  const isFollowUp = task.kind === FOLLOW_UP;

  async function run(call: () => Promise<unknown>, clear: () => void) {
    setBusy(true);
    setError(null);
    try {
      await call();
      clear();
      await onChanged();
    } catch (failure) {
      setError(problemText(failure));
      // The case changed since the list was read: reload it, so the next try is at the current version.
      if (failure instanceof ApiError && failure.code === 'case.version-conflict') await onChanged();
    } finally {
      setBusy(false);
    }
  }

  const evaluation = task.evaluation;
  return (
    <Card
      size="small"
      data-testid={`task-${task.caseNumber ?? task.id}`}
      title={
        <Space wrap>
          <Typography.Text strong>{task.title}</Typography.Text>
          {task.caseId && <Link to={`/desk/cases/${task.caseId}`}>{task.caseNumber ?? task.caseId}</Link>}
        </Space>
      }
      extra={
        <Space>
          <Typography.Text data-testid="task-due">{t(isFollowUp ? 'followUpDeadline' : 'deadline', { date: formatDateTime(task.dueAt) })}</Typography.Text>
          {task.isOverdue && <Tag color="red" data-testid="task-overdue">{t('overdue')}</Tag>}
          {task.remindedAt && (
            <Tooltip title={t('remindedAt', { date: formatDateTime(task.remindedAt) })}>
              <Tag color="orange" data-testid="task-reminded">{t('reminded')}</Tag>
            </Tooltip>
          )}
          {task.escalatedAt && (
            <Tooltip title={t('escalatedAt', { date: formatDateTime(task.escalatedAt) })}>
              <Tag color="volcano" data-testid="task-escalated">{t('escalated')}</Tag>
            </Tooltip>
          )}
          <Tag color={isOpen ? 'processing' : 'default'}>{t(`${isFollowUp ? 'followUpStatus' : 'taskStatus'}_${task.status}`)}</Tag>
        </Space>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        {error && <Alert type="error" showIcon title={error} closable={{ onClose: () => setError(null) }} />}
        {evaluation && (
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('evaluation')}>
              <Tag color={evaluation.level <= 2 ? 'red' : 'green'}>{t(`level_${evaluation.level}`)}</Tag> {evaluation.comment}
            </Descriptions.Item>
            <Descriptions.Item label={t('evaluationReply')}>
              {evaluation.reply ? (
                <span data-testid="evaluation-reply">{evaluation.reply.text}</span>
              ) : (
                <Space.Compact style={{ width: '100%' }}>
                  <Input aria-label={t('evaluationReply')} value={reply} onChange={(e) => setReply(e.target.value)} placeholder={t('replyPlaceholder')} />
                  <Button disabled={!reply.trim() || isBusy || !task.caseId || task.caseVersion === null} onClick={() => void run(() => deskApi.replyToEvaluation(task.caseId as string, task.caseVersion as number, reply.trim()), () => setReply(''))}>
                    {t('sendReply')}
                  </Button>
                </Space.Compact>
              )}
            </Descriptions.Item>
          </Descriptions>
        )}
        <Typography.Text strong>{t('visits')}</Typography.Text>
        <List
          size="small"
          dataSource={task.visits}
          locale={{ emptyText: t('noVisits') }}
          renderItem={(visit) => (
            <List.Item data-testid="visit">
              <Space wrap>
                <Typography.Text type="secondary">{formatDateTime(visit.at)}</Typography.Text>
                <Typography.Text>{visit.byName}</Typography.Text>
                <Tag>{t(`outcome_${visit.outcome}`)}</Tag>
                <Typography.Text>{visit.note}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
        {isOpen && isFollowUp && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Text type="secondary">{t('followUpHint')}</Typography.Text>
            <Input aria-label={t('visitNote')} placeholder={t('visitNote')} value={note} onChange={(e) => setNote(e.target.value)} />
            <Space wrap>
              {outcomes.map((o) => (
                <Button
                  key={o}
                  type={o === 'satisfied' ? 'primary' : 'default'}
                  disabled={!note.trim() || isBusy}
                  data-testid={`visit-${o}`}
                  onClick={() => void run(() => deskApi.addVisit(task.id, { note: note.trim(), outcome: o }), () => setNote(''))}
                >
                  {t(`visitAs_${o}`)}
                </Button>
              ))}
            </Space>
          </Space>
        )}
        {isOpen && !isFollowUp && (
          <Form layout="vertical" onFinish={() => outcome && note.trim() && void run(() => deskApi.addVisit(task.id, { note: note.trim(), outcome }), () => { setNote(''); setOutcome(undefined); })}>
            <Space align="end" wrap style={{ width: '100%' }}>
              <Form.Item label={t('visitNote')} htmlFor={`visit-note-${task.id}`} style={{ marginBottom: 0, minWidth: 360 }}>
                <Input id={`visit-note-${task.id}`} value={note} onChange={(e) => setNote(e.target.value)} />
              </Form.Item>
              <Form.Item label={t('visitOutcome')} htmlFor={`visit-outcome-${task.id}`} style={{ marginBottom: 0 }}>
                <Select id={`visit-outcome-${task.id}`} style={{ width: 160 }} value={outcome} onChange={setOutcome} options={outcomes.map((o) => ({ value: o, label: t(`outcome_${o}`) }))} />
              </Form.Item>
              <Button htmlType="submit" disabled={!note.trim() || !outcome || isBusy} data-testid="add-visit">
                {t('addVisit')}
              </Button>
            </Space>
          </Form>
        )}
        {isOpen ? (
          <Form layout="vertical" onFinish={() => result.trim() && void run(() => deskApi.closeTask(task.id, result.trim()), () => setResult(''))}>
            <Form.Item label={t('taskResult')} htmlFor={`task-result-${task.id}`} extra={task.visits.length === 0 ? t('closeNeedsVisit') : undefined} style={{ marginBottom: 8 }}>
              <Input.TextArea id={`task-result-${task.id}`} autoSize={{ minRows: 2 }} value={result} onChange={(e) => setResult(e.target.value)} />
            </Form.Item>
            <Button type="primary" htmlType="submit" disabled={!result.trim() || task.visits.length === 0 || isBusy} data-testid="close-task">
              {t('closeTask')}
            </Button>
          </Form>
        ) : (
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('taskResult')}>{task.result}</Descriptions.Item>
            <Descriptions.Item label={t('closedAt')}>{formatDateTime(task.closedAt)}</Descriptions.Item>
          </Descriptions>
        )}
      </Space>
    </Card>
  );
}
