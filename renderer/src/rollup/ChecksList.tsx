/**
 * 检查: every finding of the collection by unit (errors first), the cells named by label; the 汇总's
 * own last. A unit read here with no error can be passed (通过) here, without going back to the board.
 */
import { passable } from '../../../report/rollup/status';
import type { RollupView } from '../../../report/rollup/view';
import type { UnitFinding } from '../../../report/rollup/types';

export function ChecksList({ view, onOpen, onAccept }: { view: RollupView; onOpen: (agency: string) => void; onAccept: ((agency: string) => void) | null }) {
  const canPass = new Set(passable(view).map((u) => u.agency));
  const groups = new Map<string, UnitFinding[]>();
  for (const f of view.findings) groups.set(f.agency, [...(groups.get(f.agency) ?? []), f]);
  if (!groups.size) return <p className="empty">没有发现问题。</p>;
  const order = [...view.units.map((u) => u.agency), '汇总'].filter((a) => groups.has(a));
  return (
    <section className="rollup-checks" aria-label="检查结果">
      {order.map((agency) => {
        const list = groups.get(agency)!;
        const errors = list.filter((f) => f.severity === 'error').length;
        return (
          <details key={agency} open={errors > 0}>
            <summary>
              <strong>{agency === '汇总' ? '汇总表本身' : agency}</strong>
              <span className={errors ? 'count bad' : 'count'}>{errors}个错误</span>
              <span className="count warn">{list.length - errors}个提醒</span>
              {agency !== '汇总' && (
                <button type="button" className="link" onClick={(e) => (e.preventDefault(), onOpen(agency))}>
                  打开报告
                </button>
              )}
              {onAccept && canPass.has(agency) && (
                <button type="button" onClick={(e) => (e.preventDefault(), onAccept(agency))}>
                  通过
                </button>
              )}
            </summary>
            <ul>
              {list.map((f, i) => (
                <li key={i} className={f.severity}>
                  <span className="rule">{f.rule}</span> {f.message}
                </li>
              ))}
            </ul>
          </details>
        );
      })}
    </section>
  );
}
