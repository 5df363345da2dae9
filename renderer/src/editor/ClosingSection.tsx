/** 落款: the publishing agency and the date, read-only while the report is locked. */
import type { Report } from '../../../report/types';

export function ClosingSection({ report, locked, update }: { report: Report; locked: boolean; update: (next: Report) => void }) {
  return (
    <section className="doc-section closing" id="sec-closing" aria-labelledby="h-closing">
      <h2 id="h-closing">落款</h2>
      <label className="field">
        <span>发布机关</span>
        <input id="closing-agency" value={report.closing.agency} readOnly={locked} maxLength={100} onChange={(e) => update({ ...report, closing: { ...report.closing, agency: e.target.value } })} />
      </label>
      <label className="field">
        <span>成文日期</span>
        <input id="closing-date" type="date" value={report.closing.date} readOnly={locked} onChange={(e) => update({ ...report, closing: { ...report.closing, date: e.target.value } })} />
      </label>
    </section>
  );
}
