/** One value cell of a table: shows its figure, or the input while it is being edited. */
import { memo } from 'react';

export interface EditingState {
  path: string;
  text: string;
  /** enter: typing replaced the value (arrows commit and move); edit: F2 / double-click (arrows move the caret). */
  mode: 'enter' | 'edit';
  error: string | null;
}

export interface GridCellProps {
  path: string;
  name: string;
  text: string;
  colSpan: number;
  className: string;
  active: boolean;
  selected: boolean;
  tabbable: boolean;
  readOnly: boolean;
  invalid: boolean;
  /** The id of the message about this cell (its input error, else the check's finding). */
  describedBy?: string | undefined;
  decimal: boolean;
  title: string | undefined;
  editing: EditingState | null;
  /** 对照上年: last year's figure and the change, shown small under the value. */
  previous?: string | undefined;
  onEditText: (text: string) => void;
}

export const GridCell = memo(function GridCell(p: GridCellProps) {
  return (
    <td
      role="gridcell"
      data-path={p.path}
      aria-label={p.name}
      aria-readonly={p.readOnly || undefined}
      aria-selected={p.selected}
      aria-invalid={p.invalid || undefined}
      aria-describedby={p.describedBy}
      colSpan={p.colSpan > 1 ? p.colSpan : undefined}
      tabIndex={p.tabbable ? 0 : -1}
      className={p.className}
      title={p.title}
    >
      {p.editing ? (
        <>
          <input
            className="cell-input"
            aria-label={p.name}
            aria-invalid={p.editing.error ? true : undefined}
            aria-describedby={p.editing.error ? `cell-error-${p.path}` : p.describedBy}
            value={p.editing.text}
            inputMode={p.decimal ? 'decimal' : 'numeric'}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => p.onEditText(e.target.value)}
          />
          {p.editing.error && (
            <span className="cell-error" role="alert" id={`cell-error-${p.path}`}>
              {p.editing.error}
            </span>
          )}
        </>
      ) : p.previous !== undefined ? (
        <>
          {p.text}
          <span className="prev" aria-label={`上年${p.previous}`}>{p.previous}</span>
        </>
      ) : (
        p.text
      )}
    </td>
  );
});
