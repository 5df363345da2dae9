/** The outcome of 核对已发布 in one sentence: the dialog, the CLI and the Word file say the same. */
import type { VerifyResult } from './compare';

export function verifySummary(r: VerifyResult): string {
  if (r.same) return '已核对，与定稿一致。';
  const parts = [
    r.cells.length ? `${r.cells.length}个数字不同` : '',
    r.text.length ? `${r.text.length}处文字不同` : '',
    r.uncertain.length ? `${r.uncertain.length}个数字无法核对` : '',
  ].filter(Boolean);
  return `网站发布的版本与定稿不一致：${parts.join('，')}。未作任何改动。`;
}

