/**
 * Storage errors carry stable codes, like engine problems; server/ maps codes to statuses.
 */

/** A storage rule was broken: a missing row, a duplicate, an immutable row touched. */
export class StorageError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'StorageError';
  }
}

/**
 * Someone else changed the case first (optimistic lock). `currentVersion` is what is stored
 * now, so the caller can reload and retry or tell the user.
 */
export class ConflictError extends StorageError {
  constructor(
    readonly caseId: string,
    readonly expectedVersion: number,
    readonly currentVersion: number | null,
  ) {
    super(
      'case.version-conflict',
      `办件已被他人更改（您看到的是第 ${expectedVersion} 版，现为第 ${currentVersion ?? '—'} 版），请刷新后重试。` +
        `Case "${caseId}" was changed by someone else: expected version ${expectedVersion}, ` +
        `found ${currentVersion ?? 'no case'}. Reload the case and try again.`,
      { caseId, expectedVersion, currentVersion },
    );
    this.name = 'ConflictError';
  }
}
