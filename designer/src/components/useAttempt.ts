/**
 * One request a person starts (inspect, pull, import, trust, revoke): its answer, its refusal
 * (kept for the screen to show in full, never swallowed) and whether it is running.
 */
import { useCallback, useState } from 'react';

export interface Attempt<T> {
  result: T | undefined;
  error: unknown;
  isBusy: boolean;
  /** Runs the request, clearing the last answer and refusal first; answers undefined when refused. */
  attempt(request: () => Promise<T>): Promise<T | undefined>;
  /** Records a refusal found before sending (an empty required text). */
  fail(error: unknown): void;
}

export function useAttempt<T>(): Attempt<T> {
  const [result, setResult] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [isBusy, setBusy] = useState(false);
  const attempt = useCallback(async (request: () => Promise<T>) => {
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    try {
      const answer = await request();
      setResult(answer);
      return answer;
    } catch (failure) {
      setError(failure);
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { result, error, isBusy, attempt, fail: setError };
}
