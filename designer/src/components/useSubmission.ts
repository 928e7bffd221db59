/**
 * A form's submission: whether it is running and its refusal, kept for the form to show at its
 * fields (FailureAlert, fieldStatus) — never swallowed. `fail` records a refusal found before
 * sending (an empty required text).
 */
import { useCallback, useState } from 'react';

export interface Submission {
  error: unknown;
  isBusy: boolean;
  /** Runs the request, clearing the last refusal first; answers whether it succeeded. */
  submit(request: () => Promise<unknown>): Promise<boolean>;
  fail(error: unknown): void;
}

export function useSubmission(): Submission {
  const [error, setError] = useState<unknown>();
  const [isBusy, setBusy] = useState(false);
  const submit = useCallback(async (request: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      await request();
      return true;
    } catch (failure) {
      setError(failure);
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { error, isBusy, submit, fail: setError };
}
