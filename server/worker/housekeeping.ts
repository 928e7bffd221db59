/**
 * Housekeeping the worker does besides timers and notices: forget idempotency keys older than
 * 24 hours, remove temp files of uploads that never finished, and collect stored files no row
 * names (written before a crash or for a request that failed) once they are older than the
 * configured age (IPSP_FILE_GC_HOURS, default 24).
 */
import { isDigestReferenced } from '../../storage/files.js';
import { purgeIdempotencyRecords } from '../../storage/idempotency-keys.js';
import { IDEMPOTENCY_KEY_TTL_MS } from '../http/idempotency.js';
import type { Services } from '../services.js';

/**
 * A temp file untouched this long belongs to no running request: Node's server ends a request
 * that has not arrived whole after 300 s (`server.requestTimeout`).
 */
export const TEMP_FILE_MAX_AGE_MS = 5 * 60_000;

export interface HousekeepingReport {
  keysPurged: number;
  tempFilesRemoved: number;
  filesCollected: number;
}

/**
 * One pass. Ages default to the configuration; the file ages use the machine's clock (file
 * times), the key age the server's (`services.now`).
 */
export async function runHousekeeping(services: Services, ages: { fileMs?: number; tempMs?: number } = {}): Promise<HousekeepingReport> {
  const keysPurged = await purgeIdempotencyRecords(services.db.knex, new Date(services.now().getTime() - IDEMPOTENCY_KEY_TTL_MS).toISOString());
  const tempFilesRemoved = await services.files.removeStaleTemp(new Date(Date.now() - (ages.tempMs ?? TEMP_FILE_MAX_AGE_MS)));
  const olderThan = new Date(Date.now() - (ages.fileMs ?? services.config.fileGcHours * 3600_000));
  const isReferenced = (sha256: string) => isDigestReferenced(services.db.knex, sha256);
  let filesCollected = 0;
  for await (const sha256 of services.files.digests()) {
    if (await services.files.removeIfUnreferenced(sha256, { olderThan, isReferenced })) filesCollected++;
  }
  return { keysPurged, tempFilesRemoved, filesCollected };
}
