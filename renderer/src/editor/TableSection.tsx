/** A table section: its heading, the stale-totals notice of an imported report, and the grid. */
import { memo } from 'react';
import { Grid, type GridProps } from './Grid';

const KEYS_HELP = '直接输入数字，回车下移、Tab 右移；F2 或双击修改，Delete 置0，Ctrl+Z 撤销；可从 Excel/WPS 整块粘贴。灰底为自动计算的总计。';

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
      <p className="keys-help">{KEYS_HELP}</p>
      <Grid {...props} />
    </section>
  );
});
