/**
 * The progress nodes of a case as its applicant follows them: submitted, moved on, supplied,
 * accepted, each recorded progress note, completed, evaluated, replied — from the case's
 * timeline. Internal bookkeeping (clocks, notices queued, field sets) stays out.
 */
import { Timeline, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { evaluationLevelLabel } from '../../../../engine/labels.js';
import type { CaseEvent } from '../../api/portal';
import { formatDateTime } from '../../components/time';

export interface ProgressNode {
  key: string;
  title: string;
  detail?: string;
  at: string;
  color: string;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** One event as a node, or null when the applicant has nothing to learn from it. */
function nodeOf(event: CaseEvent, t: TFunction): ProgressNode | null {
  const base = { key: String(event.seq), at: event.at };
  const data = event.data;
  switch (event.type) {
    case 'case.created':
      return { ...base, title: t('event_created'), color: 'blue' };
    case 'case.acted': {
      const action = String(data.action ?? '');
      const payload = (data.payload ?? {}) as Record<string, unknown>;
      if (action === 'evaluate') return null; // case.evaluated says it with the level
      const detail = text(payload.note) ?? text(payload.result) ?? text(payload.reason);
      return { ...base, title: t(`action_${action}`, { defaultValue: t('event_acted', { action }) }), ...(detail ? { detail } : {}), color: action === 'reject' ? 'red' : 'blue' };
    }
    case 'case.moved': {
      const to = String(data.to ?? '');
      const title = t(`moved_${to}`, { defaultValue: '' });
      return title ? { ...base, title, color: to === 'supplement' ? 'orange' : 'gray' } : null;
    }
    case 'material.rejected':
      return { ...base, title: t('event_materialRejected'), ...(text(data.reason) ? { detail: text(data.reason)! } : {}), color: 'orange' };
    case 'case.closed':
      return { ...base, title: t(`closed_${String(data.status)}`, { defaultValue: t('event_closed') }), color: data.status === 'completed' ? 'green' : 'gray' };
    case 'case.evaluated':
      return { ...base, title: t('event_evaluated', { level: evaluationLevelLabel(Number(data.level)) }), ...(text(data.comment) ? { detail: text(data.comment)! } : {}), color: 'green' };
    case 'case.evaluation-replied':
      return { ...base, title: t('event_replied'), ...(text(data.text) ? { detail: text(data.text)! } : {}), color: 'green' };
    case 'case.overdue':
      return { ...base, title: t('event_overdue'), color: 'red' };
    default:
      return null;
  }
}

export function progressNodes(events: CaseEvent[], t: TFunction): ProgressNode[] {
  // An application submitted at once says "提交申请" with its action; creation alone counts for one that was not.
  const isSubmitted = events.some((event) => event.type === 'case.acted');
  return events
    .filter((event) => !(isSubmitted && event.type === 'case.created'))
    .map((event) => nodeOf(event, t))
    .filter((node): node is ProgressNode => node !== null);
}

/** Nodes as a vertical timeline, oldest first. */
export function ProgressTimeline({ nodes }: { nodes: Array<Omit<ProgressNode, 'color'> & { color?: string }> }) {
  const { t } = useTranslation('portal');
  if (nodes.length === 0) return <Typography.Text type="secondary">{t('noProgress')}</Typography.Text>;
  return (
    <Timeline
      data-testid="progress-nodes"
      items={nodes.map((node) => ({
        key: node.key,
        color: node.color ?? 'blue',
        content: (
          <div data-testid="progress-node">
            <Typography.Text strong>{node.title}</Typography.Text>
            <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
              {formatDateTime(node.at)}
            </Typography.Text>
            {node.detail && <div>{node.detail}</div>}
          </div>
        ),
      }))}
    />
  );
}
