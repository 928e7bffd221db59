/**
 * The inbox's data: one view's cases, first page then more by the server's keyset cursor, the
 * search term, and every view's count. A late answer for an older view or search is dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { deskApi, type CaseSummary, type InboxCounts, type InboxView } from '../../api/desk';

export const PAGE_SIZE = 20;

export interface Inbox {
  cases: CaseSummary[];
  /** Per view, for the search in force (capped views hold more than their figure). */
  counts: InboxCounts | undefined;
  hasMore: boolean;
  isLoading: boolean;
  error: string | null;
  loadMore(): Promise<void>;
  reload(): void;
}

export function useInbox(view: InboxView, q: string): Inbox {
  const [cases, setCases] = useState<CaseSummary[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [counts, setCounts] = useState<InboxCounts>();
  const [isLoading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const request = useRef(0);

  useEffect(() => {
    const id = ++request.current;
    setLoading(true);
    setError(null);
    deskApi
      .cases({ view, q, limit: PAGE_SIZE })
      .then(
        (page) => {
          if (id !== request.current) return;
          setCases(page.cases);
          setNext(page.next);
        },
        (failure: Error) => id === request.current && setError(failure.message),
      )
      .finally(() => id === request.current && setLoading(false));
    deskApi.counts(q).then(setCounts, () => setCounts(undefined));
  }, [view, q, generation]);

  const loadMore = useCallback(async () => {
    if (!next) return;
    const id = request.current;
    setLoading(true);
    try {
      const page = await deskApi.cases({ view, q, limit: PAGE_SIZE, after: next });
      if (id !== request.current) return;
      setCases((current) => [...current, ...page.cases.filter((c) => !current.some((seen) => seen.id === c.id))]);
      setNext(page.next);
    } catch (failure) {
      if (id === request.current) setError((failure as Error).message);
    } finally {
      if (id === request.current) setLoading(false);
    }
  }, [next, view, q]);

  return { cases, counts, hasMore: next !== null, isLoading, error, loadMore, reload: () => setGeneration((g) => g + 1) };
}
