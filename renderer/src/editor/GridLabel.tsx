/** Printed labels of a table, and the column widths the editor gives each official grid. */
import { memo } from 'react';
import type { GridLabel as Label } from '../../../report/layout';
import type { TableId } from '../../../report/types';

export const GridLabel = memo(function GridLabel({ label }: { label: Label }) {
  const cls = `lbl lbl-${label.role}${label.vertical ? ' vertical' : ''}`;
  const span = { rowSpan: label.rowSpan > 1 ? label.rowSpan : undefined, colSpan: label.colSpan > 1 ? label.colSpan : undefined };
  return (
    <th {...span} className={cls} scope={label.role === 'rowLabel' ? 'row' : 'col'}>
      {/* Narrow merged labels (三、本年度办理结果, （三）不予公开 …) read top to bottom, as printed. */}
      {label.vertical ? <span className="vtext">{label.text}</span> : label.text}
    </th>
  );
});

/**
 * Widths per grid column. Table 三: two narrow vertical label columns, the row-label column takes
 * the rest, seven equal figure columns. Table 二: the 信息内容 column and three value columns.
 * Table 四: fifteen equal columns.
 */
export const GRID_COLUMNS: Record<TableId, (n: number) => (string | undefined)[]> = {
  active: () => ['25%', '25%', '25%', '25%'],
  requests: (n) => ['2.2em', '2.2em', undefined, ...Array.from({ length: n - 3 }, () => '6.4em')],
  appeals: (n) => Array.from({ length: n }, () => undefined),
};
