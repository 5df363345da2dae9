/**
 * Two screens, the archive and the editor, addressed by the URL hash so a reload stays in place.
 * Above both, the read-only banner while the archive cannot be written.
 */
import { useEffect, useState } from 'react';
import { ArchiveScreen } from './archive/ArchiveScreen';
import { ReadonlyBanner } from './backup/ReadonlyBanner';
import { useArchiveStatus } from './backup/status';
import { Editor } from './editor/Editor';
import { parseRollupHash } from './rollup/labels';
import { RollupScreen } from './rollup/RollupScreen';

const reportIdOf = (hash: string): number | null => {
  const m = /^#\/report\/(\d+)$/.exec(hash);
  return m ? Number(m[1]) : null;
};

export function App() {
  const [id, setId] = useState(() => reportIdOf(location.hash));
  // 汇总: #/rollup (choose a collection) or #/rollup?organ=…&year=…; undefined when elsewhere.
  const [rollup, setRollup] = useState(() => parseRollupHash(location.hash));
  const [backTo, setBackTo] = useState('');
  const { status, refresh } = useArchiveStatus();
  useEffect(() => {
    const onHash = () => (setId(reportIdOf(location.hash)), setRollup(parseRollupHash(location.hash)));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const go = (next: number | null) => {
    location.hash = next === null ? '' : `#/report/${next}`;
    setId(next);
    setRollup(undefined);
  };
  /** A report opened from the 汇总 board goes back there. */
  const openFromRollup = (next: number) => {
    setBackTo(location.hash);
    go(next);
  };
  const back = () => {
    if (!backTo) return go(null);
    location.hash = backTo;
    setBackTo('');
    setId(null);
    setRollup(parseRollupHash(backTo));
  };
  const readonly = status?.readonly ? status.readonlyReason : null;
  return (
    <div className="app">
      {readonly !== null && <ReadonlyBanner reason={readonly} />}
      {id === null && rollup !== undefined ? (
        <RollupScreen at={rollup} readonly={readonly} onOpen={openFromRollup} onBack={() => go(null)} />
      ) : id === null ? (
        // A restore or an archive import replaced what every screen knew: the archive route is
        // reloaded from main, and the read-only state asked again (a restored archive is writable).
        <ArchiveScreen onOpen={go} readonly={readonly} onArchiveReplaced={() => (go(null), refresh())} />
      ) : (
        <Editor key={id} id={id} readonly={readonly} onBack={back} />
      )}
    </div>
  );
}
