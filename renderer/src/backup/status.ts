/**
 * What the page needs to know about the archive file itself: whether it is read-only (and why),
 * and a few words about backups. Kept at the top of the app so both screens see the same answer
 * and a restore (which may turn a read-only archive writable) can ask again.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ArchiveStatus } from '../../../report/api';
import { api } from '../api';

export function useArchiveStatus(): { status: ArchiveStatus | null; refresh: () => void } {
  const [status, setStatus] = useState<ArchiveStatus | null>(null);
  const refresh = useCallback(() => {
    // A failed status call says nothing about read-only: the screens report their own errors.
    void api.archiveStatus({}).then((r) => r.ok && setStatus(r.value));
  }, []);
  useEffect(refresh, [refresh]);
  return { status, refresh };
}
