/**
 * Every message zod can produce, in plain Chinese, for every schema of the main process (set once,
 * globally, when the schemas load). Schemas that give their own message keep it; this covers the rest
 * — a wrong type, a number out of range, an unknown field — which used to reach the clerk in English
 * (「Invalid input: expected number, received string」). Field names are shown by their Chinese label.
 */
import { z } from 'zod';

const TYPES: Record<string, string> = {
  number: '数字',
  int: '整数',
  string: '文字',
  boolean: '“是”或“否”',
  object: '一组字段',
  array: '列表',
  null: '空值',
  undefined: '空值',
  bigint: '整数',
  date: '日期',
};

const SIZED: Record<string, string> = { string: '个字符', array: '项', set: '项', map: '项', file: '字节' };

type Issue = z.core.$ZodRawIssue;

export function chineseMessage(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? '缺少这一项' : `应为${TYPES[issue.expected] ?? '其他类型'}`;
    case 'too_big': {
      const unit = SIZED[issue.origin];
      const max = String(issue.maximum);
      return unit ? `不能超过${max}${unit}` : `不能大于${max}`;
    }
    case 'too_small': {
      const unit = SIZED[issue.origin];
      const min = String(issue.minimum);
      if (unit) return min === '1' ? '不能为空' : `至少${min}${unit}`;
      return issue.inclusive ? `不能小于${min}` : `应大于${min}`;
    }
    case 'invalid_format':
      return '格式有误';
    case 'not_multiple_of':
      return `应为${String(issue.divisor)}的倍数`;
    case 'unrecognized_keys':
      // A field the channel does not take is a program's mistake; its (Latin) name goes to no clerk.
      return `含有${issue.keys.length}个不允许的字段`;
    case 'invalid_value':
      return '不是可以选择的值';
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
    case 'custom':
    default:
      return '内容有误';
  }
}

/** Chinese names of the fields the channels take (anything else is just 「参数」). */
const FIELDS: Record<string, string> = {
  id: '编号',
  year: '年度',
  agency: '机关名称',
  name: '名称',
  level: '机关层级',
  deadline: '截止日期',
  report: '报告',
  carryOver: '带入上年数据',
  status: '状态',
  revisionId: '历史版本编号',
  previousId: '上年报告编号',
  kind: '导出类型',
  key: '提示项',
  file: '文件',
  text: '粘贴的文字',
  fileName: '文件名',
  dataBase64: '文件内容',
  upload: '上传的文件',
  replace: '替换',
  uncertain: '需核对的单元格',
  deleted: '回收站',
  token: '导入标识',
  decisions: '逐份选择',
};

export const fieldLabel = (key: PropertyKey): string => (typeof key === 'string' && FIELDS[key]) || (typeof key === 'number' ? `第${key + 1}项` : '参数');

export const describePath = (path: readonly PropertyKey[]): string => (path.length ? path.map(fieldLabel).join('·') : '参数');

// The locale slot: lowest priority, so a schema's own message still wins.
z.config({ localeError: chineseMessage });
