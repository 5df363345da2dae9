/**
 * One table of an import preview, drawn from the layout grid like the editor's (same merges, same
 * column widths) but read-only: only the cells the importer could not read (empty) or read with a
 * guess (highlighted) are inputs, so the clerk fills or corrects exactly those.
 */
import { memo } from 'react';
import { getCell } from '../../../report/cells';
import type { TableGrid } from '../../../report/layout';
import type { Report } from '../../../report/types';
import { GridLabel, GRID_COLUMNS } from '../editor/GridLabel';
import { displayValue } from '../grid/input';

export interface PreviewCells {
  /** Cells with no reading (shown empty until filled). */
  nulls: ReadonlySet<string>;
  uncertain: ReadonlySet<string>;
  /** Cells whose figures ran together in the source and were split by rule (请核对, another colour). */
  split?: ReadonlySet<string>;
  /** Cells (null details and the totals they feed) that are still blank. */
  blank: ReadonlySet<string>;
  /** What the clerk typed, by cell. */
  typed: ReadonlyMap<string, string>;
  /** Cells whose typed text is not a valid figure, with the reason. */
  invalid: ReadonlyMap<string, string>;
}

export const PreviewGrid = memo(function PreviewGrid(props: { grid: TableGrid; report: Report; cells: PreviewCells; onType: (path: string, text: string) => void }) {
  const { grid, report, cells } = props;
  const table = grid.table;
  return (
    <table className={`sheet sheet-${table} preview-sheet`} aria-label={grid.heading}>
      <colgroup>
        {GRID_COLUMNS[table](grid.gridColumns).map((w, i) => (
          <col key={i} style={{ width: w }} />
        ))}
      </colgroup>
      <tbody>
        {grid.rows.map((row, r) => (
          <tr key={r} className={`row-${row.role}`}>
            {row.cells.map((item, i) => {
              if (item.kind === 'label') return <GridLabel key={i} label={item} />;
              const { path, cell } = item;
              const isTotal = Boolean(cell.totalOf);
              const isSplit = Boolean(cells.split?.has(path)) && !cells.nulls.has(path) && !cells.uncertain.has(path);
              const editable = !isTotal && (cells.nulls.has(path) || cells.uncertain.has(path) || isSplit);
              const bad = cells.invalid.get(path);
              const cls = ['cell', isTotal && 'total', cells.uncertain.has(path) && !cells.nulls.has(path) && 'uncertain', cells.blank.has(path) && 'blank', isSplit && 'split', bad && 'err'].filter(Boolean).join(' ');
              const why = cells.nulls.has(path)
                ? '未能读出，请按原报告填写'
                : cells.uncertain.has(path)
                  ? '读取有疑问，请对照原报告核对'
                  : isSplit
                    ? '原文数字连在一起，已按勾稽关系拆分，请核对'
                    : undefined;
              return (
                <td key={i} className={cls} colSpan={item.colSpan > 1 ? item.colSpan : undefined} aria-label={cell.name} title={bad ?? why} data-path={path}>
                  {editable ? (
                    <input
                      className="preview-input"
                      aria-label={cell.name}
                      aria-invalid={bad ? true : undefined}
                      aria-description={why}
                      value={cells.typed.get(path) ?? (cells.nulls.has(path) ? '' : displayValue(getCell(report, path)))}
                      inputMode={cell.type === 'money' || cell.type === 'amount' ? 'decimal' : 'numeric'}
                      autoComplete="off"
                      spellCheck={false}
                      onChange={(e) => props.onType(path, e.target.value)}
                    />
                  ) : cells.blank.has(path) ? (
                    ''
                  ) : (
                    displayValue(getCell(report, path))
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
});
