/**
 * Autosave wiring for one open report: the Autosaver (debounced, one save at a time), and the
 * last-chance saves — when the page is hidden, and when it is closed or reloaded. In the browser a
 * closing page sends its unsaved state with a keepalive request; where that is not possible (the
 * desktop app, or a very large report) closing is held until the save has finished.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { SaveResult } from '../../../report/api';
import type { Report } from '../../../report/types';
import { api, saveOnUnload } from '../api';
import { Autosaver, type SaveState } from '../model/autosave';

export function useAutosave(id: number, commitOpenEdits: () => void, onSaved: (r: SaveResult) => void) {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const saved = useRef(onSaved);
  saved.current = onSaved;
  const commit = useRef(commitOpenEdits);
  commit.current = commitOpenEdits;
  const saver = useMemo(
    () =>
      new Autosaver<Report>(
        (report) => api.saveReport({ id, report }),
        (s, result) => {
          setState(s);
          if (result) saved.current(result);
        },
      ),
    [id],
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
      if (unsaved !== null && saveOnUnload({ id, report: unsaved })) {
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
  }, [saver, id]);

  return { saver, state };
}
