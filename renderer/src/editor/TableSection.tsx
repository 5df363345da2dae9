/** A table section: its heading, the stale-totals notice of an imported report, and the grid. */
import { memo } from 'react';
import { Grid, type GridProps } from './Grid';

const KEYS_HELP = '直接输入数字，方向键和回车在表内移动，输入后按 Tab 右移；不在输入时 Tab 离开本表；F2 或双击修改，Delete 置0，Ctrl+Z 撤销；可从 Excel/WPS 整块粘贴。灰底为自动计算的总计。';

const FOCUSABLE = 'textarea, td[tabindex="0"], input, button:not([disabled])';

/** Skip links (issue 15 #11): past this table to the next part, or to the check results. */
export function SkipLinks({ from }: { from: string }) {
  const next = () => {
    const here = document.getElementById(from);
    const el = here?.nextElementSibling as HTMLElement | null;
    el?.scrollIntoView({ block: 'start' });
    (el?.querySelector<HTMLElement>(FOCUSABLE) ?? el)?.focus({ preventScroll: true });
  };
  const checks = () => document.getElementById('checks-heading')?.focus();
  return (
    <p className="skip-link">
      <button type="button" className="link" onClick={next}>
        跳过本表，到下一部分
      </button>
      {' · '}
      <button type="button" className="link" onClick={checks}>
        到检查结果
      </button>
    </p>
  );
}

export const TableSection = memo(function TableSection(props: GridProps & { onRecompute: () => void }) {
  const staleHere = [...props.stale].filter((p) => p.startsWith(`${props.grid.table}.`)).length;
  return (
    <section className="doc-section table-section" id={`sec-${props.grid.table}`} aria-labelledby={`h-${props.grid.table}`}>
      <h2 id={`h-${props.grid.table}`}>{props.grid.heading}</h2>
      {staleHere > 0 && (
        <div className="stale-banner" role="note">
          <span>
            本表有{staleHere}个总计保留了原公布数，与明细之和不一致（已用橙色虚框标出）。打开报告不会改动它们；改动某项明细时，只重算受影响的总计。
          </span>
          <button type="button" onClick={props.onRecompute} disabled={props.locked !== null}>
            按明细重算总计
          </button>
        </div>
      )}
      <SkipLinks from={`sec-${props.grid.table}`} />
      <p className="keys-help">{KEYS_HELP}</p>
      <Grid {...props} />
    </section>
  );
});
