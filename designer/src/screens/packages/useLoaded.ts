/**
 * A value loaded from the API plus the actions that change it: `run(action)` performs one,
 * keeps its refusal (shown in full by the screen, never swallowed) and reloads the value.
 */
import { useCallback, useEffect, useState } from 'react';

export interface Loaded<T> {
  value: T | undefined;
  error: unknown;
  isBusy: boolean;
  reload(): Promise<void>;
  /** Runs an action, then reloads; answers its result, or undefined when it failed (see `error`). */
  run<R>(action: () => Promise<R>): Promise<R | undefined>;
}

export function useLoaded<T>(load: () => Promise<T>): Loaded<T> {
  const [value, setValue] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [isBusy, setBusy] = useState(false);
  const reload = useCallback(async () => {
    try {
      setValue(await load());
    } catch (failure) {
      setError(failure);
    }
  }, [load]);
  useEffect(() => void reload(), [reload]);
  const run = useCallback(
    async <R,>(action: () => Promise<R>): Promise<R | undefined> => {
      setBusy(true);
      setError(undefined);
      try {
        const result = await action();
        await reload();
        return result;
      } catch (failure) {
        setError(failure);
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [reload],
  );
  return { value, error, isBusy, reload, run };
}
