/**
 * Loading the open report: the archive's copy (with last year and the carried figures), the agency's
 * level and the archive's agency names for the checks, and the report as the editor holds it. `reportRef` is the latest state
 * between renders (edits arrive faster than React renders).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { OpenedReport } from '../../../report/api';
import type { AgencyLevel, Report } from '../../../report/types';
import { api } from '../api';
import type { Autosaver } from '../model/autosave';

export function useEditorReport(id: number, saver: Autosaver<Report>) {
  const [opened, setOpened] = useState<OpenedReport | null>(null);
  const [level, setLevel] = useState<AgencyLevel | null>(null);
  /** Every name the archive knows an agency by, current and former: X-8 finds another one in the text. */
  const [agencyNames, setAgencyNames] = useState<string[]>([]);
  const [report, setReport] = useState<Report | null>(null);
  const [status, setStatus] = useState<'draft' | 'final'>('draft');
  const [loadError, setLoadError] = useState('');
  const reportRef = useRef<Report | null>(null);

  const load = useCallback((o: OpenedReport) => {
    setOpened(o);
    reportRef.current = o.report;
    setReport(o.report);
    setStatus(o.summary.status);
    saver.adopt(o.summary.version);
  }, [saver]);
  useEffect(() => {
    void Promise.all([api.openReport({ id }), api.listArchive({})]).then(([r, list]) => {
      if (!r.ok) return setLoadError(r.error.message);
      if (list.ok) {
        setLevel(list.value.agencies.find((a) => a.id === r.value.summary.agencyId)?.level ?? null);
        setAgencyNames(list.value.agencies.flatMap((a) => [a.name, ...a.formerNames]));
      }
      load(r.value);
    });
  }, [id, load]);

  /** A new state of the report from this editor: shown at once, saved after a pause. */
  const update = useCallback((next: Report) => {
    reportRef.current = next;
    setReport(next);
    saver.schedule(next);
  }, [saver]);

  return { opened, setOpened, level, agencyNames, report, reportRef, status, setStatus, loadError, load, update };
}
