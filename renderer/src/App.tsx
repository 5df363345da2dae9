/** Two screens, the archive and the editor, addressed by the URL hash so a reload stays in place. */
import { useEffect, useState } from 'react';
import { ArchiveScreen } from './archive/ArchiveScreen';
import { Editor } from './editor/Editor';

const reportIdOf = (hash: string): number | null => {
  const m = /^#\/report\/(\d+)$/.exec(hash);
  return m ? Number(m[1]) : null;
};

export function App() {
  const [id, setId] = useState(() => reportIdOf(location.hash));
  useEffect(() => {
    const onHash = () => setId(reportIdOf(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const go = (next: number | null) => {
    location.hash = next === null ? '' : `#/report/${next}`;
    setId(next);
  };
  return id === null ? <ArchiveScreen onOpen={go} /> : <Editor key={id} id={id} onBack={() => go(null)} />;
}
