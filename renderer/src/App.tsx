/**
 * Four screens, the archive, the editor, 历年对比 and 汇总, addressed by the URL hash so a reload
 * stays in place. Above all of them, the read-only banner while the archive cannot be written.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { ArchiveScreen } from './archive/ArchiveScreen';
import { ReadonlyBanner } from './backup/ReadonlyBanner';
import { useArchiveStatus } from './backup/status';
import { Editor } from './editor/Editor';
import { parseRollupHash } from './rollup/labels';
import { RollupScreen } from './rollup/RollupScreen';
import { loadCharts, prefetchTrend } from './trend/prefetch';

// ECharts comes only with this screen: the archive and the editor load without it.
const TrendScreen = lazy(() => import('./trend/TrendScreen'));

type Route =
  | { kind: 'archive' }
  | { kind: 'report'; id: number }
  | { kind: 'trend'; agencyId: number; from: number | null }
  // 汇总: #/rollup (choose a collection) or #/rollup?organ=…&year=… (null: not chosen yet).
  | { kind: 'rollup'; at: { organ: string; year: number } | null };

const routeOf = (hash: string): Route => {
  const r = parseRoute(hash);
  if (r.kind === 'trend') {
    // The table and the charts' code start loading now, alongside the screen's own chunk.
    prefetchTrend(r.agencyId);
    void loadCharts();
  }
  return r;
};

const parseRoute = (hash: string): Route => {
  const report = /^#\/report\/(\d+)$/.exec(hash);
  if (report) return { kind: 'report', id: Number(report[1]) };
  const trend = /^#\/trend\/(\d+)(?:\/from\/(\d+))?$/.exec(hash);
  if (trend) return { kind: 'trend', agencyId: Number(trend[1]), from: trend[2] ? Number(trend[2]) : null };
  const rollup = parseRollupHash(hash);
  if (rollup !== undefined) return { kind: 'rollup', at: rollup };
  return { kind: 'archive' };
};

export const trendHash = (agencyId: number, fromReport?: number) => `#/trend/${agencyId}${fromReport ? `/from/${fromReport}` : ''}`;

export function App() {
  const [route, setRoute] = useState(() => routeOf(location.hash));
  // A report opened from the 汇总 board goes back there.
  const [backTo, setBackTo] = useState('');
  const { status, refresh } = useArchiveStatus();
  useEffect(() => {
    const onHash = () => setRoute(routeOf(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const go = (next: number | null) => {
    location.hash = next === null ? '' : `#/report/${next}`;
    setRoute(next === null ? { kind: 'archive' } : { kind: 'report', id: next });
  };
  const openFromRollup = (next: number) => {
    setBackTo(location.hash);
    go(next);
  };
  const backFromReport = () => {
    if (!backTo) return go(null);
    location.hash = backTo;
    setBackTo('');
    setRoute(routeOf(backTo));
  };
  const readonly = status?.readonly ? status.readonlyReason : null;
  return (
    <div className="app">
      {readonly !== null && <ReadonlyBanner reason={readonly} />}
      {route.kind === 'archive' && (
        // A restore or an archive import replaced what every screen knew: the archive route is
        // reloaded from main, and the read-only state asked again (a restored archive is writable).
        <ArchiveScreen onOpen={go} readonly={readonly} onArchiveReplaced={() => (go(null), refresh())} onTrend={(agencyId) => (location.hash = trendHash(agencyId))} />
      )}
      {route.kind === 'report' && <Editor key={route.id} id={route.id} readonly={readonly} onBack={backFromReport} {...(backTo ? { backLabel: '返回汇总' } : {})} />}
      {route.kind === 'rollup' && <RollupScreen at={route.at} readonly={readonly} onOpen={openFromRollup} onBack={() => go(null)} />}
      {route.kind === 'trend' && (
        <Suspense fallback={<p className="loading">正在打开历年对比…</p>}>
          <TrendScreen
            key={route.agencyId}
            agencyId={route.agencyId}
            backLabel={route.from ? '返回报告' : '返回档案'}
            onBack={() => go(route.from)}
          />
        </Suspense>
      )}
    </div>
  );
}
