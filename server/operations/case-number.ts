/**
 * Case numbers (办件编号) in the layout observed on national platforms (GB/T 39554.1 family):
 * the item's implementation code (31) + yyyyMMdd (8) + a daily sequence (4). The sequence counts
 * per implementation code and day (storage/case-numbers.ts), so numbers never collide even when
 * two platforms' codes coincide.
 */
export { implementationCode } from '../../engine/item-code.js';

/** @example caseNumber({ code: '12510000MB0000027B2512199001000', day: '2026-01-05', sequence: 7 }) → '…202601050007' */
export function caseNumber(input: { code: string; day: string; sequence: number }): string {
  if (input.sequence > 9999) throw new RangeError(`More than 9999 cases of one item on ${input.day}; the case number has 4 sequence digits.`);
  return `${input.code}${input.day.replaceAll('-', '')}${String(input.sequence).padStart(4, '0')}`;
}
