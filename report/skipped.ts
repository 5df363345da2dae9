/**
 * The sentence for what 「导出整个档案」 left out because it could not be read, shared by the page
 * and the CLI; each passes its own clock format (the page shows the clerk's local time).
 */
import type { SkippedRecord } from './api';

export function describeSkipped(items: readonly SkippedRecord[], timeLabel: (iso: string) => string): string {
  if (!items.length) return '';
  const names = items.map((s) => `“${s.agency}”${s.year}年度报告${s.revisionAt ? `的历史版本（${timeLabel(s.revisionAt)}）` : '的当前内容'}`);
  return `有${items.length}项内容已损坏、无法读取，没有导出：${names.slice(0, 20).join('；')}${names.length > 20 ? ' 等' : ''}。其余内容已全部导出。`;
}
