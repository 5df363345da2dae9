/**
 * A CSV file (a clerk's Excel or WPS sheet 另存为 CSV): its commas are cell separators, not the
 * thousands separators they are inside running text, so each record becomes a TAB-separated line —
 * the shape a copy from a spreadsheet already has and the text reader knows. Quoted fields keep their
 * commas; a line break inside a quoted field (a wrapped label) becomes a space.
 */
export function csvToTabs(csv: string): string {
  const lines: string[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const ch = csv[i]!;
    if (quoted) {
      if (ch === '"' && csv[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch === '\n' || ch === '\r' || ch === '\t' ? ' ' : ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && csv[i + 1] === '\n') i++;
      cells.push(cell);
      lines.push(cells.join('\t'));
      cells = [];
      cell = '';
    } else cell += ch === '\t' ? ' ' : ch;
  }
  if (cell !== '' || cells.length) lines.push([...cells, cell].join('\t'));
  return lines.join('\n');
}
