/**
 * The follow-up sample (回访抽样): which cases with a good review get a follow-up visit task.
 * Every bad review gets one already (its rectification); of the rest the platform visits a share
 * given in percent. The pick is no draw: it hashes the case number (what the applicant, staff
 * and an auditor all see) into a number 0–99, and a case is picked when that number is below
 * the rate. So the same case is always picked or not, anyone can recompute it, and the engine
 * stays free of randomness.
 */
import type { Platform } from '../kinds/platform.js';

/** The share of good reviews visited when the platform sets none: 10 %. */
export const DEFAULT_FOLLOW_UP_SAMPLE_RATE = 10;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * The case's sample number 0–99: FNV-1a (32 bit) over the UTF-8 bytes of the case number, modulo 100.
 *
 * @example sampleNumberOf('5101002026092400001') // the same number on every run and machine
 */
export function sampleNumberOf(caseNumber: string): number {
  let hash = FNV_OFFSET;
  for (const byte of new TextEncoder().encode(caseNumber)) {
    hash ^= byte;
    hash = Math.imul(hash, FNV_PRIME) >>> 0;
  }
  return hash % 100;
}

/** The platform's follow-up sample rate in percent (0–100), the default when it sets none. */
export function followUpSampleRate(platform: Platform): number {
  return platform.settings.followUp?.sampleRate ?? DEFAULT_FOLLOW_UP_SAMPLE_RATE;
}
