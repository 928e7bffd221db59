/**
 * Case numbers (办件编号) in the layout observed on national platforms (GB/T 39554.1 family):
 * the item's implementation code (31) + yyyyMMdd (8) + a daily sequence (4).
 */
import type { Platform } from '../../engine/kinds/platform.js';
import type { ServiceItem } from '../../engine/kinds/service-item.js';

/** 行使层级 digit by platform level: 2 province, 3 city, 4 county, park and workstation. */
const levelDigit: Record<Platform['level'], string> = { province: '2', city: '3', county: '4', park: '4', workstation: '4' };

/**
 * The 实施编码 of an item where this platform implements it: the platform's own body (USCC) and
 * level, then the item's 12-digit basic code (基本编码). The same province item therefore gets a
 * different implementation code on each platform, so case numbers never collide across
 * platforms although each platform counts its own daily sequence.
 */
export function implementationCode(item: ServiceItem, platform: Platform): string {
  const basic = item.code?.basic ?? item.code?.implementation?.slice(19) ?? '000000000000';
  return `${platform.organization.uscc}${levelDigit[platform.level]}${basic}`;
}

/** @example caseNumber({ code: '12510000MB0000027B2512199001000', day: '2026-01-05', sequence: 7 }) → '…202601050007' */
export function caseNumber(input: { code: string; day: string; sequence: number }): string {
  if (input.sequence > 9999) throw new RangeError(`More than 9999 cases of one item on ${input.day}; the case number has 4 sequence digits.`);
  return `${input.code}${input.day.replaceAll('-', '')}${String(input.sequence).padStart(4, '0')}`;
}
