// Reads electronegativity's CSV, prints every finding, and exits 1 if any is HIGH severity
// (the tool itself always exits 0). Its CSV mixes quoted and bare fields: parse it as CSV.
import { readFileSync } from 'node:fs';

function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field.trim()), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field.trim());
      if (row.some((f) => f)) rows.push(row);
      (row = []), (field = '');
    } else field += c;
  }
  row.push(field.trim());
  if (row.some((f) => f)) rows.push(row);
  return rows;
}

const [file] = process.argv.slice(2);
const [header, ...rows] = parseCsv(readFileSync(file, 'utf8'));
if (!header) {
  console.error('没有读到扫描结果');
  process.exit(2);
}
const col = (name) => header.findIndex((h) => h.toLowerCase() === name);
const [sev, issue, fname, loc] = ['severity', 'issue', 'filename', 'location'].map(col);
if ([sev, issue, fname, loc].some((i) => i < 0)) {
  console.error(`无法识别扫描结果的列：${header.join(', ')}`);
  process.exit(2);
}
let high = 0;
for (const r of rows) {
  const isHigh = /^high$/i.test(r[sev]);
  if (isHigh) high++;
  console.log(`${r[sev].padEnd(8)}${r[issue]}\t${r[fname]}:${r[loc]}`);
}
console.log(`共 ${rows.length} 条发现，其中 HIGH ${high} 条`);
process.exit(high ? 1 : 0);
