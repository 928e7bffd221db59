/**
 * One case at the desk: its view, timeline and notices, loaded together; actions taken at the
 * version on screen. A 409 (someone else acted first) reloads the case and says so — the caller
 * keeps what the user typed, since it was never sent.
 */
import { useCallback, useEffect, useState } from 'react';
import { ApiError, type Problem } from '../../api/client';
import { deskApi, type ActBody, type CaseEvent, type CaseView, type Notice } from '../../api/desk';

export type ActOutcome = { kind: 'done'; view: CaseView } | { kind: 'conflict' } | { kind: 'refused'; message: string; problems: Problem[] };

export interface DeskCase {
  view: CaseView | undefined;
  events: CaseEvent[];
  notices: Notice[];
  error: string | null;
  /** Set when the last action met a newer version; cleared by the next successful action. */
  hasConflict: boolean;
  isBusy: boolean;
  reload(): Promise<void>;
  act(action: string, body: Omit<ActBody, 'version'>): Promise<ActOutcome>;
  assign(userId: string): Promise<ActOutcome>;
  dismissConflict(): void;
}

export function useDeskCase(caseId: string): DeskCase {
  const [view, setView] = useState<CaseView>();
  const [events, setEvents] = useState<CaseEvent[]>([]);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [hasConflict, setConflict] = useState(false);
  const [isBusy, setBusy] = useState(false);

  const reload = useCallback(async () => {
    try {
      const [nextView, nextEvents, nextNotices] = await Promise.all([deskApi.caseView(caseId), deskApi.events(caseId), deskApi.notices(caseId)]);
      setView(nextView);
      setEvents(nextEvents);
      setNotices(nextNotices);
      setError(null);
    } catch (failure) {
      setError((failure as Error).message);
    }
  }, [caseId]);

  useEffect(() => {
    setView(undefined);
    void reload();
  }, [reload]);

  /** Sends one change at the version on screen; a conflict or a refusal leaves the screen's inputs alone. */
  const send = useCallback(
    async (call: (version: number) => Promise<CaseView>): Promise<ActOutcome> => {
      if (!view) return { kind: 'refused', message: '', problems: [] };
      setBusy(true);
      try {
        const next = await call(view.version);
        setView(next);
        setConflict(false);
        await reload();
        return { kind: 'done', view: next };
      } catch (failure) {
        if (failure instanceof ApiError && failure.status === 409) {
          setConflict(true);
          await reload();
          return { kind: 'conflict' };
        }
        const problems = failure instanceof ApiError ? failure.problems : [];
        return { kind: 'refused', message: (failure as Error).message, problems };
      } finally {
        setBusy(false);
      }
    },
    [view, reload],
  );

  return {
    view,
    events,
    notices,
    error,
    hasConflict,
    isBusy,
    reload,
    act: (action, body) => send((version) => deskApi.act(caseId, action, { version, ...body })),
    assign: (userId) => send((version) => deskApi.assign(caseId, { userId, version })),
    dismissConflict: () => setConflict(false),
  };
}
