/**
 * The metadata block government portals print above a report (索引号, 发布机构, 名称, 成文日期 …),
 * in any of the shapes a copy gives it: 「发布机构：勐梭镇」, a table row copied as
 * 「索引号 | … | 发布机构 | 勐梭镇 |」, or the same row with TABs (「发布机构\t勐梭镇\t成文日期\t…」).
 */
import { compactLabel } from './normalize';

/** Field names of portal metadata, compact. */
export const METADATA_KEYS = ['索引号', '主题分类', '名称', '主题词', '成文日期', '文号', '发布日期', '发文单位', '发文机关', '发布机构', '发布时间', '标题', '栏目', '原文链接', '本地目录', '来源', '浏览次数', '信息来源', '生成日期', '公开方式', '公开范围', '有效性', '页面链接'] as const;
export type MetadataKey = (typeof METADATA_KEYS)[number];
const KEYS = new Set<string>(METADATA_KEYS);
/** 「field：」 anywhere in a compact line, captured (so split keeps the field name). */
const FIELD_WITH_COLON = new RegExp(`(${[...METADATA_KEYS].sort((a, b) => b.length - a.length).join('|')})[:：]`);

/** A line that starts with a field name and a separator (colon, pipe or TAB): page metadata, not report text. */
export function startsWithField(line: string): boolean {
  return metadataCells(line) !== null;
}

/** The line's cells when it is a metadata line: split at pipes, TABs and 「key：」. */
function metadataCells(line: string): string[] | null {
  const cells = line
    .split(/[|\t｜]/)
    .flatMap((c) => {
      // 「索 引 号：… 发布机构：勐梭镇 生成日期：…」 on one line: cut before every 「field：」.
      const parts = compactLabel(c).split(FIELD_WITH_COLON).filter((x) => x !== undefined);
      return parts.length > 1 ? parts.slice(1).filter((x, i) => i % 2 === 0 || x !== '') : parts;
    })
    .filter((c, i, a) => c !== '' || (i > 0 && KEYS.has(a[i - 1]!)));
  return cells.length >= 2 && KEYS.has(cells[0]!) ? cells : null;
}

/** Every field of the metadata lines: the value is the cell after the field name (empty when none). */
export function metadataFields(lines: readonly string[]): Map<MetadataKey, string> {
  const out = new Map<MetadataKey, string>();
  for (const line of lines) {
    const cells = metadataCells(line);
    if (!cells) continue;
    for (let i = 0; i < cells.length; i++) {
      const key = cells[i]!;
      if (!KEYS.has(key)) continue;
      const value = cells[i + 1] ?? '';
      if (!out.has(key as MetadataKey) && value && !KEYS.has(value)) out.set(key as MetadataKey, value);
      if (!KEYS.has(value)) i++;
    }
  }
  return out;
}
