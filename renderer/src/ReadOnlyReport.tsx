import { getCell, getFormat, layoutOf, reportTitle } from '../../report';
import type { OpenedReport } from '../../report/api';

/** A report shown read-only, drawn from the format definition's grids. */
export function ReadOnlyReport({ opened, onBack }: { opened: OpenedReport; onBack: () => void }) {
  const { report, findings } = opened;
  const layout = layoutOf(report.format);
  return (
    <main className="report">
      <button type="button" onClick={onBack}>
        返回档案
      </button>
      <h1>{reportTitle(report.agency, report.year)}</h1>
      <p>{report.text.preamble}</p>
      {getFormat(report.format).sections.map((s) => (
        <section key={s.heading}>
          <h2>{s.heading}</h2>
          {s.kind === 'text' ? (
            report.text[s.part].split('\n').map((p, i) => <p key={i}>{p}</p>)
          ) : (
            <table className="grid">
              <tbody>
                {layout.grids[s.table].rows.map((row, i) => (
                  <tr key={i}>
                    {row.cells.map((c, j) =>
                      c.kind === 'label' ? (
                        <th key={j} rowSpan={c.rowSpan} colSpan={c.colSpan} className={c.vertical ? 'vertical' : undefined}>
                          {c.text}
                        </th>
                      ) : (
                        <td key={j} colSpan={c.colSpan} aria-label={c.cell.name}>
                          {String(getCell(report, c.path) ?? '')}
                        </td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
      <aside>
        <h2>检查结果</h2>
        {findings.length === 0 ? <p>未发现问题</p> : <ul>{findings.map((f, i) => <li key={i}>{f.message}</li>)}</ul>}
      </aside>
    </main>
  );
}
