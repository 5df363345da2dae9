/**
 * 汇总表 (rollup.md §5): the three tables in the standard layout under the title
 * 「{汇总单位}{年}年政府信息公开工作年度报告数据汇总表」 and the line naming its scope, through the
 * report exporters (same grid, typography and merges as a report; no text sections).
 */
import { getFormat, layoutOf, type Report } from '../../report';
import { collectionStatus, missingPhrase, scopePhrase, type RollupView } from '../../report/rollup';
import type { Block } from '../export/blocks';
import { textWidth } from '../export/values';
import { TITLE_LINE_CHARS } from '../export/blocks';
import { buildDocx } from '../export/docx';
import { buildXlsx } from '../export/xlsx';
import { safeFileStem } from '../export/file-name';
import { ROLLUP_AGENCY } from './view';

export const rollupTitle = (organ: string, year: number): string => `${organ.trim()}${year}年政府信息公开工作年度报告数据汇总表`;

/** 「本行政区域汇总（含本级），共 m 个单位」 and, while incomplete, who is missing. */
export function scopeLines(view: RollupView, included: number): string[] {
  const lines = [`${scopePhrase(view, included)}。`];
  if (!view.complete) {
    lines.push(`${collectionStatus(view)}。`);
    const missing = missingPhrase(view);
    if (missing) lines.push(`${missing}。`);
  }
  return lines;
}

/** One line when it fits; else 「{汇总单位}{年}年」 over 「政府信息公开工作年度报告数据汇总表」 (no word left alone on a line). */
function titleLines(title: string, organ: string, year: number): string[] {
  if (textWidth(title) <= TITLE_LINE_CHARS) return [title];
  const head = `${organ.trim()}${year}年`;
  return [head, title.slice(head.length)];
}

export function rollupBlocks(report: Report, view: RollupView, included: number): Block[] {
  const layout = layoutOf(report.format);
  const blocks: Block[] = [{ kind: 'title', lines: titleLines(rollupTitle(view.organ, view.year), view.organ, view.year) }];
  for (const line of scopeLines(view, included)) blocks.push({ kind: 'paragraph', runs: [{ text: line, heading: false }] });
  for (const s of getFormat(report.format).sections)
    if (s.kind === 'table') blocks.push({ kind: 'heading', text: s.heading }, { kind: 'table', grid: layout.grids[s.table] });
  return blocks;
}

export const rollupFileName = (view: RollupView, ext: string, what = '数据汇总表'): string =>
  `${safeFileStem(`${view.organ}${view.year}年政府信息公开工作年度报告${what}`)}.${ext}`;

export async function rollupDocx(report: Report, view: RollupView, included: number): Promise<Buffer> {
  return buildDocx(report, rollupBlocks(report, view, included), rollupTitle(view.organ, view.year));
}

export async function rollupXlsx(report: Report, view: RollupView, included: number): Promise<Buffer> {
    // The info sheet lists the roll-up's own findings (table rules), not a report's text or 落款 reminders.
  const findings = view.findings.filter((f) => f.agency === ROLLUP_AGENCY);
  return buildXlsx(report, { title: rollupTitle(view.organ, view.year), notes: scopeLines(view, included), findings });
}
