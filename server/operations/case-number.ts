/**
 * Case numbers (办件编号) in the layout observed on national platforms (GB/T 39554.1 family):
 * the item's implementation code (31) + yyyyMMdd (8) + a daily sequence (4).
 */
import type { Platform } from '../../engine/kinds/platform.js';
import type { ServiceItem } from '../../engine/kinds/service-item.js';

/** 行使层级 digit by platform level: 2 province, 3 city, 4 county, park and workstation. */
const levelDigit: Record<Platform['level'], string> = { province: '2', city: '3', county: '4', park: '4', workstation: '4' };

/** The item's 实施编码, or one composed from the platform's body and the item's basic code. */
export function implementationCode(item: ServiceItem, platform: Platform): string {
  if (item.code?.implementation) return item.code.implementation;
  return `${platform.organization.uscc}${levelDigit[platform.level]}${item.code?.basic ?? '000000000000'}`;
}

/** @example caseNumber({ code: '12510000MB0000027B2512199001000', day: '2026-01-05', sequence: 7 }) → '…202601050007' */
export function caseNumber(input: { code: string; day: string; sequence: number }): string {
  if (input.sequence > 9999) throw new RangeError(`More than 9999 cases of one item on ${input.day}; the case number has 4 sequence digits.`);
  return `${input.code}${input.day.replaceAll('-', '')}${String(input.sequence).padStart(4, '0')}`;
}
