/**
 * The background worker: fires due timers (warnings, 示警, 催告) through the engine and delivers
 * the outbox over its channels. Several workers may run on one database: claims are leased and
 * a timer is marked fired in the same transaction that records its events.
 */
import { claimOutbox, markFailed, markSent } from '../../storage/outbox.js';
import { claimDueTimers } from '../../storage/timers.js';
import { fireTimer } from '../operations/cases.js';
import type { Services } from '../services.js';
import { ChannelError, type DeliveryChannel } from './channels/channel.js';
import { emailChannel } from './channels/email.js';
import { inAppChannel } from './channels/in-app.js';
import { webhookChannel } from './channels/webhook.js';
import { runFeedbackDeadlines } from './feedback-deadlines.js';
import { runHousekeeping } from './housekeeping.js';
import { runTaskDeadlines } from './task-deadlines.js';

export interface WorkerReport {
  timersFired: number;
  noticesSent: number;
  noticesFailed: number;
}

export function defaultChannels(services: Services): DeliveryChannel[] {
  const { config } = services;
  return [
    inAppChannel(services),
    emailChannel({ smtpUrl: config.smtpUrl, from: config.mailFrom }),
    webhookChannel({ name: 'sms', url: config.smsWebhookUrl }),
    webhookChannel({ name: 'wechat', url: config.wechatWebhookUrl }),
  ];
}

const LEASE_MS = 60_000;
/** Housekeeping (old idempotency keys, stale temp files, unreferenced stored files) runs hourly. */
const HOUSEKEEPING_INTERVAL_MS = 3600_000;
const BATCH = 50;

async function fireDueTimers(services: Services, workerId: string): Promise<number> {
  const timers = await claimDueTimers(services.db.knex, { workerId, now: services.now().toISOString(), limit: BATCH, leaseMs: LEASE_MS });
  let fired = 0;
  for (const timer of timers) {
    try {
      if (await fireTimer(services, { id: timer.id, caseId: timer.caseId, spec: { kind: timer.kind, clock: timer.clock, dueAt: timer.dueAt } })) fired++;
    } catch (error) {
      // The lease runs out and another pass retries it; a conflict with a staff action is normal.
      console.error(`timer ${timer.id} of case ${timer.caseId}:`, (error as Error).message);
    }
  }
  return fired;
}

async function deliverOutbox(services: Services, workerId: string, channels: DeliveryChannel[]): Promise<{ sent: number; failed: number }> {
  const notices = await claimOutbox(services.db.knex, { workerId, now: services.now().toISOString(), limit: BATCH, leaseMs: LEASE_MS });
  let sent = 0;
  let failed = 0;
  for (const notice of notices) {
    const channel = channels.find((c) => c.name === notice.channel);
    try {
      if (!channel) throw new ChannelError(`No delivery channel "${notice.channel}".`, true);
      await channel.deliver(notice);
      await markSent(services.db.knex, { id: notice.id, at: services.now().toISOString() });
      sent++;
    } catch (error) {
      failed++;
      const isPermanent = error instanceof ChannelError && error.isPermanent;
      await markFailed(services.db.knex, { id: notice.id, now: services.now().toISOString(), error: (error as Error).message, isPermanent });
    }
  }
  return { sent, failed };
}

/** One pass: fire what is due, deliver what is queued. Tests call this with a simulated clock. */
export async function runWorkerOnce(services: Services, options: { workerId: string; channels?: DeliveryChannel[] }): Promise<WorkerReport> {
  const timersFired = await fireDueTimers(services, options.workerId);
  await runTaskDeadlines(services); // reminders and escalation of tasks; their notices go out below
  await runFeedbackDeadlines(services);
  const { sent, failed } = await deliverOutbox(services, options.workerId, options.channels ?? defaultChannels(services));
  return { timersFired, noticesSent: sent, noticesFailed: failed };
}

/** Runs passes every `intervalMs` until stopped, with housekeeping at start and hourly; passes never overlap. */
export function startWorker(services: Services, options: { workerId: string; intervalMs: number }): { stop: () => Promise<void> } {
  const channels = defaultChannels(services);
  let isStopped = false;
  let running: Promise<unknown> = Promise.resolve();
  let housekeepingAt = 0; // at once on start: a crash's temp files and orphans go first
  const housekeepIfDue = async () => {
    if (Date.now() < housekeepingAt) return;
    housekeepingAt = Date.now() + HOUSEKEEPING_INTERVAL_MS;
    await runHousekeeping(services).catch((error: unknown) => console.error('housekeeping failed:', error));
  };
  const tick = () => {
    if (isStopped) return;
    running = housekeepIfDue()
      .then(() => runWorkerOnce(services, { workerId: options.workerId, channels }))
      .catch((error: unknown) => console.error('worker pass failed:', error))
      .finally(() => {
        if (!isStopped) timer = setTimeout(tick, options.intervalMs);
      });
  };
  let timer = setTimeout(tick, 0);
  return {
    stop: async () => {
      isStopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
