/**
 * A form's submission: whether it is running and its refusal, kept for the form to show at its
 * fields (FailureAlert, fieldStatus) — never swallowed. An attempt whose answer is only
 * "it worked".
 */
import { useCallback } from 'react';
import { useAttempt } from './useAttempt';

export interface Submission {
  error: unknown;
  isBusy: boolean;
  /** Runs the request, clearing the last refusal first; answers whether it succeeded. */
  submit(request: () => Promise<unknown>): Promise<boolean>;
  /** Records a refusal found before sending (an empty required text). */
  fail(error: unknown): void;
}

export function useSubmission(): Submission {
  const { error, isBusy, attempt, fail } = useAttempt<true>();
  const submit = useCallback(
    async (request: () => Promise<unknown>) =>
      (await attempt(async () => {
        await request();
        return true;
      })) === true,
    [attempt],
  );
  return { error, isBusy, submit, fail };
}
