/** The rows of a grid: labels with their official merges, and value cells marked by state (total, stale, carried, error, selection …). */
import { getCell } from '../../../report/cells';
import type { TableGrid } from '../../../report/layout';
import type { Report } from '../../../report/types';
import { displayValue } from '../grid/input';
import type { NavTable, rectOf } from '../grid/nav';
import { previousLabel } from '../model/compare';
import type { GridProps } from './grid-props';
import { GridCell, type EditingState } from './GridCell';
import { GridLabel } from './GridLabel';

type Cell = NonNullable<ReturnType<NavTable['byPath']['get']>>;

export interface GridBodyProps {
  grid: TableGrid;
  nav: NavTable;
  report: Report;
  activeCell: Cell;
  /** Whether this table holds the selection (the active cell is drawn as such only then). */
  selected: boolean;
  rect: ReturnType<typeof rectOf> | null;
  editing: EditingState | null;
  onEditText: (text: string) => void;
  /** The marks the editor passes to the grid. */
  marks: Pick<GridProps, 'locked' | 'stale' | 'errorCells' | 'warnCells' | 'carried' | 'highlight' | 'verify' | 'describedBy' | 'compareWith'>;
}

export function GridBody({ grid, nav, report, activeCell, selected, rect, editing, onEditText, marks }: GridBodyProps) {
  const inRect = (c: { row: number; col: number; span: number }) =>
    rect !== null && c.row >= rect.r0 && c.row <= rect.r1 && c.col <= rect.c1 && c.col + c.span - 1 >= rect.c0;
  return (
    <tbody>
      {grid.rows.map((row, r) => (
        <tr key={r} className={`row-${row.role}`}>
          {row.cells.map((item, i) => {
            if (item.kind === 'label') return <GridLabel key={i} label={item} />;
            const c = nav.byPath.get(item.path)!;
            const isActive = c === activeCell && selected;
            const v = getCell(report, c.path);
            const stale = marks.stale.has(c.path);
            const err = marks.errorCells.has(c.path);
            const carriedFrom = marks.carried.get(c.path);
            const cls = [
              'cell',
              c.readOnly && 'total',
              stale && 'stale',
              carriedFrom && 'carried',
              err ? 'err' : marks.warnCells.has(c.path) && 'warn',
              marks.highlight.has(c.path) && 'hl',
              marks.verify?.has(c.path) && 'verify',
              inRect(c) && 'sel',
              isActive && 'active',
            ].filter(Boolean).join(' ');
            return (
              <GridCell
                key={i}
                path={c.path}
                name={c.info.name}
                text={displayValue(v)}
                colSpan={item.colSpan}
                className={cls}
                active={isActive}
                selected={inRect(c)}
                tabbable={c === activeCell}
                readOnly={c.readOnly || marks.locked !== null}
                invalid={err}
                describedBy={marks.describedBy?.get(c.path)}
                decimal={c.info.type === 'money' || c.info.type === 'amount'}
                title={stale ? `保留的原公布数；按明细计算应为 ${c.info.totalOf?.reduce((s, p) => s + Number(getCell(report, p) ?? 0), 0)}` : carriedFrom ?? (c.readOnly ? '自动计算' : undefined)}
                editing={editing?.path === c.path ? editing : null}
                previous={marks.compareWith ? previousLabel(v, getCell(marks.compareWith, c.path)) : undefined}
                onEditText={onEditText}
              />
            );
          })}
        </tr>
      ))}
    </tbody>
  );
}
