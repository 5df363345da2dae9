/**
 * Autosave wiring for one open report: the Autosaver (debounced, one save at a time), and the
 * last-chance saves — when the page is hidden, and when it is closed or reloaded. In the browser a
 * closing page sends its unsaved state with a keepalive request; where that is not possible (the
 * desktop app, or a very large report) closing is held until the save has finished.
 *
 * Each save says which editor sent it and in what order (`origin`): the closing page's save may
 * overtake the answer to its previous one, and main still knows it as this editor's newer state.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { SaveOrigin, SaveResult } from '../../../report/api';
import type { Report } from '../../../report/types';
import { api, saveOnUnload } from '../api';
import { Autosaver, type SaveState } from '../model/autosave';

/** A random name for this editor (page and report), for `SaveOrigin`. */
function editorName(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function useAutosave(id: number, commitOpenEdits: () => void, onSaved: (r: SaveResult) => void) {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const saved = useRef(onSaved);
  saved.current = onSaved;
  const commit = useRef(commitOpenEdits);
  commit.current = commitOpenEdits;
  const origin = useMemo(() => {
    const editor = editorName();
    let seq = 0;
    return (): SaveOrigin => ({ editor, seq: ++seq });
  }, [id]);
  const saver = useMemo(
    () =>
      new Autosaver<Report>(
        (report, baseVersion) => api.saveReport({ id, report, baseVersion, origin: origin() }),
        (s, result) => {
          setState(s);
          if (result) saved.current(result);
        },
      ),
    [id, origin],
  );

  useEffect(() => {
    let closing = false;
    const onHidden = () => {
      if (document.visibilityState !== 'hidden') return;
      commit.current();
      void saver.flush();
    };
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (closing) return;
      commit.current();
      const unsaved = saver.unsaved();
      if (unsaved !== null && saveOnUnload({ id, report: unsaved, baseVersion: saver.baseVersion, origin: origin() })) {
        saver.discard();
        return;
      }
      if (!saver.busy) return; // nothing waiting, or only a save already on its way
      e.preventDefault();
      e.returnValue = '';
      void saver.flush().then(() => {
        if (saver.busy) return;
        closing = true;
        window.close();
      });
    };
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('beforeunload', onBeforeUnload);
      void saver.flush();
    };
  }, [saver, id, origin]);

  return { saver, state };
}
