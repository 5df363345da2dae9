/**
 * Text ↔ table rules X-1…X-5 (format.md §7.4), the placeholder warning and the share of
 * sentences repeated from last year. The text is read only as far as a sentence ties a figure to
 * a table row; anything less certain is left alone rather than guessed.
 */
import { countOf } from '../cells';
import { getFormat } from '../formats';
import { PLACEHOLDER } from '../formats/common';
import { normalizeDigits } from '../numbers';
import { TEXT_PARTS, type Finding, type Report, type TextPart } from '../types';
import { cellName, finding } from './helpers';

/** Phrases that tie a figure of 一、总体情况 to a Table 三 row (column 总计). */
const TEXT_FIGURES: { row: string; what: string; patterns: RegExp[] }[] = [
  {
    row: 'newReceived',
    what: '新收申请',
    patterns: [/(?:新收|收到|受理|接收|接到)[^。；，,：:\d]{0,14}?申请(?:共计|共|合计)?(\d+)件/],
  },
  { row: 'carriedOver', what: '上年结转', patterns: [/上年(?:度)?结转[^。；，,\d]{0,10}?(\d+)件/] },
  { row: 'resultTotal', what: '办结', patterns: [/(?:办结|办理完毕|答复)(?:申请)?(?:共计|共|合计)?(\d+)件/] },
  { row: 'carriedForward', what: '结转下年度', patterns: [/结转(?:至|到)?下(?:一)?年度?(?:继续办理)?(\d+)件/] },
];

/** Sentences saying no application was received at all. */
const NONE_RECEIVED = /(?:未|没有)(?:收到|受理|接到)[^。；，,\d]{0,10}?申请/;

export interface TextFigure {
  row: string;
  value: number;
  phrase: string;
}

/** The figures the overview states for Table 三, e.g. 「上年结转1件」 → carriedOver = 1. */
export function readTextFigures(text: string): TextFigure[] {
  const plain = normalizeDigits(text.replace(/\n/g, '。'));
  const found: TextFigure[] = [];
  for (const clause of plain.split(/[。；;]/)) {
    for (const part of clause.split(/[，,]/)) {
      for (const f of TEXT_FIGURES) {
        if (f.row === 'newReceived' && /上年|结转/.test(part)) continue;
        for (const re of f.patterns) {
          const m = re.exec(part);
          if (m?.[1] !== undefined) found.push({ row: f.row, value: Number(m[1]), phrase: m[0] });
        }
      }
      if (NONE_RECEIVED.test(part) && !/上年|结转/.test(part)) found.push({ row: 'newReceived', value: 0, phrase: part });
    }
  }
  return found;
}

function checkTextFigures(report: Report): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const f of readTextFigures(report.text.overview)) {
    if (seen.has(f.row)) continue;
    seen.add(f.row);
    const path = `requests.${f.row}.6`;
    const table = countOf(report, path);
    if (table !== f.value)
      out.push(finding('X-1', 'warning', ['text.overview', path], table, f.value,
        `一、总体情况写“${f.phrase}”，与表三“${cellName(report, path)}”（${table}）不一致`));
  }
  return out;
}

const FEE_NOTICE = /(?:发出|送达|出具)?收费通知(?:书)?(?:共计|共)?(\d+)(?:件|份|次)/;

function checkFeeText(report: Report): Finding[] {
  if (report.format !== 'gov-2021') return [];
  const out: Finding[] = [];
  const other = normalizeDigits(report.text.other);
  if (!/处理费/.test(other))
    out.push(finding('X-3', 'warning', ['text.other'], '信息处理费情况', null,
      '六、其他需要报告的事项：未写明信息处理费的收取情况（未收取的也应写明）'));
  const dropped = countOf(report, 'requests.otherOverdueFee.6');
  if (dropped > 0) {
    const m = FEE_NOTICE.exec(other);
    const notices = m?.[1] !== undefined ? Number(m[1]) : 0;
    if (notices < 1)
      out.push(finding('X-2', 'warning', ['text.other', 'requests.otherOverdueFee.6'], '≥1', notices,
        `表三有${dropped}件申请因逾期未缴费不再处理，六、其他需要报告的事项应写明发出的收费通知件数`));
  }
  return out;
}

/**
 * A sentence saying the year had neither 行政复议 nor 行政诉讼 (「本年度未发生政府信息公开行政复议、行政诉讼」,
 * 「行政复议、行政诉讼均未发生」). One of them alone (「未发生行政复议，行政诉讼1件」) says nothing of the other.
 * Also what the importer reads as a Table 四 of zeros when the report prints this sentence instead of the table.
 */
export const NO_APPEALS = new RegExp([
  '(?:未|没有|无)(?:发生|收到|产生|出现|涉及)?[^。；，,\\d]{0,12}?行政复议[^。；，,\\d]{0,8}?行政诉讼',
  '行政复议[^。；，,\\d]{0,4}?行政诉讼[^。；，,\\d]{0,6}?(?:均|都)(?:未发生|没有发生|无)',
].join('|'));
const SOME_APPEALS = /(?:行政复议|行政诉讼)(?:案件)?(?:共计|共)?(\d+)(?:件|起)/;

function checkAppealsText(report: Report): Finding[] {
  const all = normalizeDigits(TEXT_PARTS.map((p) => report.text[p]).join('。'));
  const totals = Object.keys(report.appeals).map((g) => `appeals.${g}.4`);
  const total = totals.reduce((s, p) => s + countOf(report, p), 0);
  const saysNone = NO_APPEALS.exec(all);
  if (total > 0 && saysNone)
    return [finding('X-4', 'warning', totals, 0, total, `正文写“${saysNone[0]}”，但表四共有${total}件行政复议、行政诉讼`)];
  const saysSome = SOME_APPEALS.exec(all);
  if (total === 0 && saysSome && Number(saysSome[1]) > 0)
    return [finding('X-4', 'warning', totals, Number(saysSome[1]), 0, `正文写“${saysSome[0]}”，但表四各项均为0`)];
  return [];
}

/** the headings found in an imported document against the six of the format. */
export function checkHeadings(report: Report, found: readonly string[]): Finding[] {
  const expected = getFormat(report.format).sections.map((s) => s.heading);
  const norm = (h: string) => h.replace(/[（(]/g, '（').replace(/[)）]/g, '）').replace(/[:：\s]+$/g, '').trim();
  const got = found.map(norm);
  const out: Finding[] = [];
  expected.forEach((h, i) => {
    if (got[i] !== h)
      out.push(finding('X-5', 'warning', [], h, got[i] ?? null,
        got[i] ? `第${i + 1}部分标题为“${got[i]}”，标准标题为“${h}”` : `缺少第${i + 1}部分“${h}”`));
  });
  if (got.length > expected.length)
    out.push(finding('X-5', 'warning', [], expected.length, got.length, `正文有${got.length}个一级标题，标准格式为${expected.length}个`));
  return out;
}

function checkPlaceholders(report: Report): Finding[] {
  return TEXT_PARTS.filter((p) => report.text[p].includes(PLACEHOLDER)).map((p) =>
    finding('TEXT-PLACEHOLDER', 'warning', [`text.${p}`], null, PLACEHOLDER, `${partTitle(report, p)}还有“${PLACEHOLDER}”未填写`),
  );
}

export function partTitle(report: Report, part: TextPart): string {
  if (part === 'preamble') return '导语';
  const s = getFormat(report.format).sections.find((x) => x.kind === 'text' && x.part === part);
  return s?.heading ?? part;
}

/** Sentences split at 。！？, compared ignoring whitespace. */
export function sentencesOf(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => !SUB_HEADING.test(line.trim()))
    .flatMap((line) => line.split(/[。！？!?]/))
    .map((s) => s.replace(/\s+/g, ''))
    .filter((s) => s.length > 0);
}

/** A sub-heading paragraph such as 「（一）主动公开」: part of the template, not a sentence of the clerk's. */
const SUB_HEADING = /^[（(][一二三四五六七八九十]+[)）][^。！？]{0,24}$/;

/** Share of this year's sentences that repeat last year's (0…1), and the counts behind it. */
export function repeatShare(current: string, previous: string): { share: number; repeated: number; total: number } {
  const now = sentencesOf(current);
  const before = new Set(sentencesOf(previous));
  const repeated = now.filter((s) => before.has(s)).length;
  return { share: now.length ? repeated / now.length : 0, repeated, total: now.length };
}

/** County assessments deduct points above 50 % repetition: warn from 50 %. */
export const REPEAT_WARN_SHARE = 0.5;

export function checkRepetition(report: Report, previous: Report): Finding[] {
  const out: Finding[] = [];
  for (const part of ['overview', 'problems', 'other'] as const) {
    const r = repeatShare(report.text[part], previous.text[part]);
    if (r.total > 0 && r.share >= REPEAT_WARN_SHARE)
      out.push(finding('TEXT-REPEAT', 'warning', [`text.${part}`], `<${REPEAT_WARN_SHARE * 100}%`, `${Math.round(r.share * 100)}%`,
        `${partTitle(report, part)}有${r.repeated}/${r.total}句与上年报告相同（${Math.round(r.share * 100)}%），考核中重复率超过50%会扣分`));
  }
  return out;
}

export function checkText(report: Report): Finding[] {
  return [...checkTextFigures(report), ...checkFeeText(report), ...checkAppealsText(report), ...checkPlaceholders(report)];
}
