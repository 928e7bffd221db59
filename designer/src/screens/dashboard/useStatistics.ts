/**
 * The statistics for a filter: asked again whenever the filter changes; an answer to an earlier
 * filter that arrives late is dropped. The last figures stay on screen while the next load,
 * and `isLoading` holds until the figures answer the current filter.
 */
import { useEffect, useState } from 'react';
import type { StatisticsResponse } from '../../../../engine/statistics/statistics-response';
import { fetchStatistics, type StatisticsFilter } from './statistics-api';

export interface StatisticsState {
  statistics: StatisticsResponse | null;
  error: string | null;
  isLoading: boolean;
}

export function useStatistics(filter: StatisticsFilter): StatisticsState {
  const key = JSON.stringify(filter);
  // `answered`: the filter the figures or the error belong to.
  const [state, setState] = useState<{ answered: string | null; statistics: StatisticsResponse | null; error: string | null }>({ answered: null, statistics: null, error: null });
  useEffect(() => {
    let isCurrent = true;
    fetchStatistics(JSON.parse(key) as StatisticsFilter).then(
      (statistics) => isCurrent && setState({ answered: key, statistics, error: null }),
      (failure: Error) => isCurrent && setState({ answered: key, statistics: null, error: failure.message }),
    );
    return () => {
      isCurrent = false;
    };
  }, [key]);
  return { statistics: state.statistics, error: state.error, isLoading: state.answered !== key };
}
