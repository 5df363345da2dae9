/**
 * What the 历年对比 screen needs, started the moment its route is entered, in parallel: the table
 * from main and the ECharts chunk. The screen's own chunk loads meanwhile, so the first render waits
 * for the slowest of the three rather than for all of them in a row.
 */
import type { Result } from '../../../report/api';
import type { TrendTable } from '../../../report/trend';
import { api } from '../api';

const pending = new Map<number, Promise<Result<TrendTable>>>();

/** Starts loading the table (once per visit); `take` hands it over and forgets it, so a later visit reloads. */
export function prefetchTrend(agencyId: number): void {
  if (!pending.has(agencyId)) pending.set(agencyId, api.getTrend({ agencyId }));
}

export function takeTrend(agencyId: number): Promise<Result<TrendTable>> {
  prefetchTrend(agencyId);
  const p = pending.get(agencyId)!;
  pending.delete(agencyId);
  return p;
}

export const loadCharts = () => import('./echarts');
