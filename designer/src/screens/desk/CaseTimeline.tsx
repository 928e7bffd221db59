/**
 * Who did what when: the case's events in order, in words. Bookkeeping events (clocks started,
 * notices queued, fields set) stay out; warnings, urges and every action stay in.
 */
import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseEvent, MaterialView } from '../../api/desk';
import { formatDateTime } from '../../components/time';

const hidden = new Set(['clock.started', 'clock.stopped', 'clock.paused', 'clock.resumed', 'notice.queued', 'field.set', 'form.updated']);
const colors: Record<string, string> = { 'case.overdue': 'red', 'case.urged': 'red', 'clock.warned': 'orange', 'material.rejected': 'orange', 'case.closed': 'gray' };

const text = (value: unknown) => (typeof value === 'string' ? value : '');

export function CaseTimeline({ events, names, materials, actionTitles }: { events: CaseEvent[]; names: Record<string, string>; materials: MaterialView[]; actionTitles: Record<string, string> }) {
  const { t } = useTranslation('desk');
  const materialName = (key: unknown) => materials.find((m) => m.key === key)?.name ?? text(key);
  const who = (event: CaseEvent) => (event.actorId ? (names[event.actorId] ?? event.actorId) : t('system'));

  function describe(event: CaseEvent): string {
    const d = event.data;
    switch (event.type) {
      case 'case.acted': {
        const action = text(d.action);
        const title = actionTitles[action] ?? t(`action_${action}`, { defaultValue: action });
        const payload = (d.payload ?? {}) as Record<string, unknown>;
        const detail = text(payload.note) || text(payload.result) || text(payload.reason) || text(payload.comment);
        return detail ? `${title}：${detail}` : title;
      }
      case 'material.supplied':
        return t('event_material_supplied', { name: materialName(d.material) });
      case 'material.checked':
        return t('event_material_checked', { name: materialName(d.material) });
      case 'material.rejected':
        return t('event_material_rejected', { name: materialName(d.material), reason: text(d.reason) });
      case 'case.assigned': {
        const to = text(d.assigneeId);
        return t('event_case_assigned', { name: to ? (names[to] ?? to) : '—' });
      }
      case 'case.reassigned': {
        const nameOf = (id: unknown) => (text(id) ? (names[text(id)] ?? text(id)) : t('unassigned'));
        return t('event_case_reassigned', { from: nameOf(d.from), to: nameOf(d.to) });
      }
      case 'case.evaluated':
        return t('event_case_evaluated', { level: t(`level_${String(d.level)}`, { defaultValue: String(d.level) }), comment: text(d.comment) });
      default:
        return t(`event_${event.type.replace(/\./g, '_')}`, { defaultValue: event.type });
    }
  }

  const shown = events.filter((e) => !hidden.has(e.type));
  if (shown.length === 0) return <Typography.Text type="secondary">{t('noEvents')}</Typography.Text>;
  return (
    <div data-testid="timeline">
      <Timeline
        items={shown.map((event) => ({
          key: event.seq,
          color: colors[event.type] ?? 'blue',
          title: formatDateTime(event.at),
          content: (
            <span data-testid="timeline-entry" data-event-type={event.type}>
              <Typography.Text strong>{who(event)}</Typography.Text> {describe(event)}
            </span>
          ),
        }))}
      />
    </div>
  );
}
