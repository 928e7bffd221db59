/**
 * Counter mode (窗口受理): the applicant a clerk registers a case for. They get an account of
 * the platform without a password — it cannot sign in — found again by name and phone when the
 * same person comes back, so their cases stay together.
 */
import type { Knex } from 'knex';
import { isMobile, isResidentId, isUscc, normalizeIdentity } from '../../engine/forms/identity.js';
import type { Problem } from '../../engine/problem.js';
import { findOfflineApplicant, insertUser, setIdNumber } from '../../storage/users.js';
import { Failure } from '../http/failure.js';
import type { Services } from '../services.js';

/** Who applies at the counter, as the clerk types it. */
export interface CounterApplicant {
  name: string;
  phone: string;
  /** Resident ID (身份证号) or, for an organization, its USCC (统一社会信用代码). */
  idNumber?: string;
}

const LANDLINE = /^0\d{2,3}-?\d{7,8}$/;

/** The applicant with spaces trimmed and the ID number in canonical form; throws the problems of a wrong one. */
export function checkCounterApplicant(input: CounterApplicant, today: string): CounterApplicant {
  const name = input.name.trim();
  const phone = input.phone.replace(/\s+/g, '');
  const idNumber = input.idNumber === undefined || input.idNumber.trim() === '' ? undefined : normalizeIdentity(input.idNumber);
  const problems: Problem[] = [];
  if (name === '') problems.push({ code: 'case.applicant-invalid', path: '/applicant/name', message: '请填写申请人姓名或单位名称。' });
  if (!isMobile(phone) && !LANDLINE.test(phone)) {
    problems.push({ code: 'case.applicant-invalid', path: '/applicant/phone', message: `“${input.phone}”不是有效的手机号码或固定电话（如 13800138000、0816-2345678）。` });
  }
  if (idNumber !== undefined && !isResidentId(idNumber, { today }) && !isUscc(idNumber)) {
    problems.push({ code: 'case.applicant-invalid', path: '/applicant/idNumber', message: '证件号码既不是有效的居民身份证号码，也不是有效的统一社会信用代码。' });
  }
  if (problems.length > 0) throw Failure.fromProblems(problems, 'The applicant registered at the counter is not valid.');
  return { name, phone, ...(idNumber === undefined ? {} : { idNumber }) };
}

/** An existing offline applicant of the platform with this name and phone, or the id a new one gets. */
export async function counterApplicantId(services: Services, platformId: string, who: CounterApplicant): Promise<{ id: string; isNew: boolean }> {
  const existing = await findOfflineApplicant(services.db.knex, { platformId, phone: who.phone, displayName: who.name });
  return existing ? { id: existing.id, isNew: false } : { id: services.newId(), isNew: true };
}

/** Creates the offline applicant (when new) or records a newly given ID number, in the case's transaction. */
export async function saveCounterApplicant(tx: Knex.Transaction, input: { id: string; isNew: boolean; platformId: string; who: CounterApplicant; now: string }): Promise<void> {
  const { id, who } = input;
  if (!input.isNew) {
    if (who.idNumber !== undefined) await setIdNumber(tx, { id, idNumber: who.idNumber });
    return;
  }
  await insertUser(tx, {
    id,
    platformId: input.platformId,
    // Never typed by anyone: the account has no password and cannot sign in.
    username: `counter:${id}`,
    displayName: who.name,
    roles: ['applicant'],
    phone: who.phone,
    ...(who.idNumber === undefined ? {} : { idNumber: who.idNumber }),
    createdAt: input.now,
  });
}
