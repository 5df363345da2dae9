/** A canonical report .json (report-json.md), e.g. an export or a dry run's output; `findings`/`uncertain` are ignored. */
import { runChecks } from '../../report/checks';
import { formatValidationErrors, validateJson } from '../../report/validate';
import { ImportError } from './errors';
import type { ImportOptions, ImportResult } from './result';

export function readJson(text: string, opts: ImportOptions): ImportResult {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (e) {
    throw new ImportError('INVALID_JSON', '文件不是有效的 JSON，无法导入', String(e));
  }
  const v = validateJson(data);
  if (!v.ok) throw new ImportError('INVALID_JSON', `JSON 文件不是一份完整的年度报告：${formatValidationErrors(v.errors, 3)}`, formatValidationErrors(v.errors, 200));
  if (opts.year !== undefined && v.report.year !== opts.year)
    throw new ImportError('YEAR_MISMATCH', `这是${v.report.year}年度的报告，不是所选的${opts.year}年度，未导入`);
  return { source: 'json', report: v.report, nulls: [], uncertain: [], findings: runChecks(v.report), headings: [] };
}
