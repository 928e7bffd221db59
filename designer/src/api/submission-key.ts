/**
 * Idempotency keys for submissions: one per submission attempt, the same one when the user
 * presses 提交 again after no answer came, a new one once the server answered it for good.
 */
import { useRef } from 'react';

/** A random UUID (v4); `crypto.randomUUID` exists only on https or localhost, getRandomValues everywhere. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The key of the submission on screen: `current()` makes one on the first try and keeps it;
 * `settle()` forgets it once the submission succeeded, or the server said the key belongs to
 * another request (the earlier try went through with other data).
 */
export function useSubmissionKey(): { current: () => string; settle: () => void } {
  const key = useRef<string | null>(null);
  return {
    current: () => (key.current ??= newIdempotencyKey()),
    settle: () => {
      key.current = null;
    },
  };
}
