/**
 * The follow-up sample number of a case (回访抽样), worked out here rather than imported from the
 * engine, so a change to the engine's hash shows: FNV-1a (32 bit) over the UTF-8 bytes of the
 * case number, modulo 100. A good review is sampled when it is below the platform's rate.
 */
export function sampleNumber(caseNumber: string): number {
  let hash = 2166136261;
  for (const byte of Buffer.from(caseNumber, 'utf8')) {
    hash = (hash ^ byte) >>> 0;
    hash = Number((BigInt(hash) * 16777619n) % 4294967296n);
  }
  return hash % 100;
}
