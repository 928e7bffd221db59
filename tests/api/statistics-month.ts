/**
 * A month of synthetic cases on 绵阳 across the National Day holiday (2026-09-21 … 2026-10-20,
 * with 国庆 2026-10-01 … 10-08 off in the shipped calendar), driven through the engine as the
 * routes drive it (startCase / actOnCase, the worker firing timers) with the services' clock
 * moved to each step. A seeded random mix: online and counter, complete or returned for 补正,
 * accepted on time or late or never, evaluated at each level or closed without one, bad
 * reviews visited and closed or not. Every case's story is recorded here as it is played, so
 * the tests can count what the statistics should say without asking the database.
 */
import { randomUUID } from 'node:crypto';
import { formatLocalDate, parseLocalDate } from '../../engine/calendar/local-date.js';
import type { WorkingCalendar } from '../../engine/calendar/index.js';
import type { Actor, Case, FileRef } from '../../engine/runtime/case.js';
import { calendarFor, platformDefinition } from '../../server/operations/bundles.js';
import { actOnCase, startCase } from '../../server/operations/cases.js';
import { addVisit, closeTaskAs } from '../../server/operations/tasks.js';
import type { Services } from '../../server/services.js';
import { runWorkerOnce } from '../../server/worker/worker.js';
import { getCase } from '../../storage/cases.js';
import { listTasks } from '../../storage/tasks.js';
import type { TestClock } from '../support/test-clock.js';
import { consultationData } from '../fixtures/form-data.js';

export const MONTH = { from: '2026-09-21', to: '2026-10-20' };
export const PUBLIC_ITEM = 'ip-policy-consulting';
export const VALUE_ADDED_ITEM = 'va-ip-consulting';

const applicant: Actor = { id: 'demo-zhangsan', roles: ['applicant'], platformId: 'mianyang', name: '张三' };
const staff: Actor = { id: 'demo-staff1', roles: ['staff'], platformId: 'mianyang', name: '王敏' };

export type Fate = 'onTime' | 'late' | 'abandoned';

/** What the test did with one case. */
export interface CaseStory {
  itemId: string;
  channel: 'online' | 'counter';
  createdDay: string;
  /** Sent back for 补正 once (submitted without the identity paper). */
  isCorrected: boolean;
  fate: Fate;
  /** The day staff completed it (办结), if they did. */
  servedDay?: string;
  evaluation?: { level: number; day: string };
  task?: { day: string; isVisited: boolean; isClosed: boolean };
  /** The case number, once the case exists (the follow-up sample hashes it). */
  number?: string;
}

/** A small seeded generator (mulberry32): the same month every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const fileRef = (name: string): FileRef => ({ id: randomUUID(), name, size: 1024, sha256: randomUUID().replace(/-/g, '').padEnd(64, '0'), mediaType: 'application/pdf' });

function applicationOf(itemId: string, isComplete: boolean): { data: Record<string, unknown>; files: Record<string, FileRef[]> } {
  if (itemId === PUBLIC_ITEM) {
    return { data: consultationData(), files: { applicationForm: [fileRef('申请表.pdf')], ...(isComplete ? { identity: [fileRef('营业执照.pdf')] } : {}) } };
  }
  const data = { applicantType: 'organization', applicantName: '绵阳示例科技有限公司', certificateNo: '91350100M000100Y43', demandDescription: '需要知识产权布局方面的专业咨询服务。', hasRelatedRights: false, preferredChannel: 'online', contactName: '张三', contactPhone: '13800138000' };
  return { data, files: isComplete ? { identityProof: [fileRef('营业执照.pdf')] } : {} };
}

const at = (day: string, time: string): string => new Date(`${day}T${time}+08:00`).toISOString();
const nextDay = (day: string): string => formatLocalDate(new Date(parseLocalDate(day).getTime() + 36 * 3600 * 1000));

/** One step of the month: when, and what to do then. */
interface Step {
  at: string;
  run: () => Promise<void>;
}

export interface Month {
  stories: CaseStory[];
  calendar: WorkingCalendar;
}

/**
 * Plays the month on `services` (its clock is `clock`) and returns what it did.
 *
 * @example const { stories } = await playMonth(server.services, server.clock, 20261001)
 */
export async function playMonth(services: Services, clock: TestClock, seed: number): Promise<Month> {
  const random = seeded(seed);
  const calendar = calendarFor(services, await platformDefinition(services, 'mianyang'));
  const firstWorkingDay = (day: string) => (calendar.isWorkingDay(day) ? day : calendar.addWorkingDays(day, 1));
  const stories: CaseStory[] = [];
  const steps: Step[] = [];
  /** Acts as `actor`; the applicant's part is played by whoever the case is for (a counter applicant too). */
  const act = async (id: string, actor: Actor, action: string, extra: Record<string, unknown> = {}) => {
    const kase = (await getCase(services.db.knex, id)) as Case;
    const as = actor === applicant ? { ...applicant, id: kase.applicantId } : actor;
    await actOnCase(services, as, id, { action, version: kase.version, ...extra });
  };

  /** The steps after a case is in `accept` on `enteredDay`. */
  const afterAccept = (story: CaseStory, id: string, enteredDay: string) => {
    if (story.fate === 'abandoned') return;
    const acceptDay = story.fate === 'late' ? calendar.addWorkingDays(enteredDay, 4) : firstWorkingDay(enteredDay);
    const supplied = story.itemId === PUBLIC_ITEM ? ['applicationForm', 'identity'] : ['identityProof'];
    const verdicts = Object.fromEntries(supplied.map((key) => [key, { status: 'ok' }]));
    steps.push({ at: at(acceptDay, '14:00:00'), run: () => act(id, staff, 'accept', { verdicts }) });
    steps.push({ at: at(acceptDay, '16:00:00'), run: () => act(id, staff, 'complete', { payload: { result: '已答复' } }) });
    story.servedDay = acceptDay;
    const roll = random();
    if (roll < 0.15) {
      steps.push({ at: at(acceptDay, '17:00:00'), run: () => act(id, staff, 'close') });
      return;
    }
    const level = 1 + Math.floor(random() * 5);
    const evaluationDay = nextDay(acceptDay);
    story.evaluation = { level, day: evaluationDay };
    steps.push({ at: at(evaluationDay, '20:00:00'), run: () => act(id, applicant, 'evaluate', { payload: { level } }) });
    if (level > 2) return;
    const task = { day: evaluationDay, isVisited: random() < 0.8, isClosed: false };
    task.isClosed = task.isVisited && random() < 0.75;
    story.task = task;
    const followUpDay = nextDay(evaluationDay);
    steps.push({
      at: at(followUpDay, '10:00:00'),
      run: async () => {
        const [opened] = await listTasks(services.db.knex, { platformId: 'mianyang', caseId: id });
        if (opened === undefined) throw new Error(`no rectification task on ${id}`);
        if (task.isVisited) await addVisit(services, staff, opened.id, { note: '电话回访，已说明整改情况', outcome: 'satisfied' });
        if (task.isClosed) await closeTaskAs(services, staff, opened.id, { result: '已整改并回访' });
      },
    });
  };

  const start = (story: CaseStory, day: string) => async () => {
    const { data, files } = applicationOf(story.itemId, !story.isCorrected);
    const actor = story.channel === 'counter' ? staff : applicant;
    const kase = await startCase(services, actor, { itemId: story.itemId, data, files, ...(story.channel === 'counter' ? { applicant: { name: '李窗口', phone: '13912345678' } } : {}) });
    story.number = kase.number;
    if (story.isCorrected) {
      const resubmitDay = nextDay(day);
      if (story.fate === 'abandoned') return;
      steps.push({ at: at(resubmitDay, '09:30:00'), run: async () => {
        await act(kase.id, applicant, 'resubmit', { files: applicationOf(story.itemId, true).files });
        afterAccept(story, kase.id, resubmitDay);
        steps.sort((a, b) => a.at.localeCompare(b.at));
      } });
      return;
    }
    afterAccept(story, kase.id, day);
    steps.sort((a, b) => a.at.localeCompare(b.at));
  };

  for (let day = MONTH.from; day <= MONTH.to; day = nextDay(day)) {
    const count = 1 + Math.floor(random() * 3);
    for (let i = 0; i < count; i++) {
      const fateRoll = random();
      const story: CaseStory = {
        itemId: random() < 0.7 ? PUBLIC_ITEM : VALUE_ADDED_ITEM,
        channel: calendar.isWorkingDay(day) && random() < 0.35 ? 'counter' : 'online',
        createdDay: day,
        isCorrected: random() < 0.25,
        fate: fateRoll < 0.12 ? 'abandoned' : fateRoll < 0.32 ? 'late' : 'onTime',
      };
      stories.push(story);
      steps.push({ at: at(day, `10:${String(10 + i * 5).padStart(2, '0')}:00`), run: start(story, day) });
    }
  }
  steps.sort((a, b) => a.at.localeCompare(b.at));
  // Steps add later steps as they run (acceptance after a resubmission …): always take the earliest left.
  let last = MONTH.from;
  while (steps.length > 0) {
    const step = steps.shift() as Step;
    clock.set((last = step.at));
    await runWorkerOnce(services, { workerId: 'statistics-month', channels: [] });
    await step.run();
  }
  // The end: past every step, and past the due time of every case left waiting for acceptance.
  const end = at(calendar.addWorkingDays(MONTH.to, 6), '09:00:00');
  clock.set(end > last ? end : new Date(new Date(last).getTime() + 3600_000).toISOString());
  await runWorkerOnce(services, { workerId: 'statistics-month', channels: [] });
  return { stories, calendar };
}
