/** The fixed sentences of a report: title, scaffolded preamble and sections (format.md §9). */
import { getFormat } from './formats';
import { STATUTE } from './formats/common';
import type { FormatId, TextPart } from './types';

/** Pattern A of format.md §9.1: {机关全称}{YYYY}年政府信息公开工作年度报告. */
export function reportTitle(agency: string, year: number): string {
  return `${agency.trim()}${year}年政府信息公开工作年度报告`;
}

/** The statistics-period sentence (the first variant of format.md §9.2). */
export function statisticsPeriod(year: number): string {
  return `本报告中所列数据统计期限自${year}年1月1日起至${year}年12月31日止。`;
}

export function scaffoldPreamble(format: FormatId, agency: string, year: number): string {
  const def = getFormat(format);
  return (
    `根据${STATUTE}（以下简称《条例》）规定和${def.noticeTitle}（${def.notice}）要求，` +
    `现发布《${reportTitle(agency, year)}》。${statisticsPeriod(year)}`
  );
}

/** The scaffold of a text section: its sub-headings or template sentences, one paragraph each. */
export function scaffoldSection(format: FormatId, part: Exclude<TextPart, 'preamble'>, year: number): string {
  const s = getFormat(format).sections.find((x) => x.kind === 'text' && x.part === part);
  if (!s || s.kind !== 'text') return '';
  return s.scaffold.map((line) => line.replaceAll('{year}', String(year))).join('\n');
}
