/**
 * 生成统计表述: the standard sentences of 一、总体情况 drafted from this year's tables (and last
 * year's, when archived). Items that are 0 are left out as clerks write them; counts use 件, money
 * the 万元/元 string exactly as stored. The sentences are worded so that the text rules X-1…X-4
 * (report/checks/text.ts) read back every figure they state: a drafted report passes by construction.
 */
import { countOf, getCell } from '../cells';
import { getFormat } from '../formats';
import type { Report } from '../types';
import { APPLICANT_COLUMNS, litigationValue, OUTCOMES, outcomeValue } from './figures';

export type DraftKind = 'active' | 'requests' | 'appeals';
export const DRAFT_KINDS: readonly DraftKind[] = ['active', 'requests', 'appeals'];
export type Drafts = Record<DraftKind, string>;

/** Where each drafted paragraph belongs, for the dialog. */
export const DRAFT_TITLES: Record<DraftKind, string> = {
  active: '（一）主动公开',
  requests: '（二）依申请公开',
  appeals: '行政复议、行政诉讼',
};

/** The fixed opening of each drafted paragraph: how a drafted paragraph is found again in the text. */
export const DRAFT_OPENINGS: Record<DraftKind, RegExp> = {
  active: /本年度主动公开方面，[^。\n]*。/,
  // The 共新收 form only with its drafted second sentence: a clerk's own 「本年度共新收…9件。」 is not ours.
  requests: /本年度(?:共新收政府信息公开申请\d+件[^。\n]*。共办结\d+件[^。\n]*；结转下年度继续办理\d+件。|未收到政府信息公开申请[^。\n]*。(?:共办结\d+件[^。\n]*；结转下年度继续办理\d+件。)?)/,
  appeals: /本年度(?:未)?发生政府信息公开行政(?:复议|诉讼)[^。\n]*。/,
};

const TOTAL = APPLICANT_COLUMNS.length;
const items = (list: [string, number | string][]) => list.filter(([, n]) => n !== 0 && n !== '').map(([w, n]) => `${w}${n}件`);
const money = (r: Report, path: string): string => {
  const v = getCell(r, path);
  return typeof v === 'string' && Number(v) !== 0 ? v : '';
};

/** A Table 二 row's label in the report's own format (规章, 行政规范性文件, 行政许可 …). */
const activeLabel = (r: Report, key: string): string => getFormat(r.format).active.blocks.flatMap((b) => b.rows).find((x) => x.key === key)?.label ?? key;

function activeGov2021(r: Report): string[] {
  const rows = getFormat('gov-2021').active.blocks[0]!.rows;
  const per = (field: string) => items(rows.map((row) => [row.label, countOf(r, `active.${row.key}.${field}`)]));
  const decisions = items(['licensing', 'punishment', 'enforcement'].map((k) => [`${activeLabel(r, k)}决定`, countOf(r, `active.${k}.decisions`)]));
  const parts: string[] = [];
  const docs = [
    per('issued').length ? `制发${per('issued').join('、')}` : '',
    per('repealed').length ? `废止${per('repealed').join('、')}` : '',
    per('inForce').length ? `现行有效${per('inForce').join('、')}` : '',
  ].filter(Boolean);
  if (docs.length) parts.push(docs.join('，'));
  if (decisions.length) parts.push(`作出${decisions.join('、')}`);
  const fee = money(r, 'active.fees.amount');
  if (fee) parts.push(`收取行政事业性收费${fee}万元`);
  return parts;
}

function activeGov2019(r: Report): string[] {
  const rows = getFormat('gov-2019').active.blocks[0]!.rows;
  const per = (field: string) => items(rows.map((row) => [row.label, countOf(r, `active.${row.key}.${field}`)]));
  const decisions = items(['licensing', 'otherServices', 'punishment', 'enforcement'].map((k) => [`${activeLabel(r, k)}处理决定`, countOf(r, `active.${k}.decisions`)]));
  const parts: string[] = [];
  const docs = [
    per('made').length ? `新制作${per('made').join('、')}` : '',
    per('published').length ? `新公开${per('published').join('、')}` : '',
    per('totalPublished').length ? `累计对外公开${per('totalPublished').join('、')}` : '',
  ].filter(Boolean);
  if (docs.length) parts.push(docs.join('，'));
  if (decisions.length) parts.push(`作出${decisions.join('、')}`);
  const projects = countOf(r, 'active.procurement.projects');
  const amount = money(r, 'active.procurement.amount');
  const unit = String(getCell(r, 'active.procurement.unit') ?? '万元');
  const buy = [projects ? `项目${projects}个` : '', amount ? `总金额${amount}${unit}` : ''].filter(Boolean);
  if (buy.length) parts.push(`政府集中采购${buy.join('、')}`);
  return parts;
}

export function draftActive(r: Report): string {
  const parts = r.format === 'gov-2021' ? activeGov2021(r) : activeGov2019(r);
  if (!parts.length) return '本年度主动公开方面，表二各项数量均为0。';
  return `本年度主动公开方面，${parts.join('；')}。`;
}

/** 「较上年增加2件」「较上年减少1件」「与上年持平」, or nothing without last year's report. */
function changeOf(now: number, previous: Report | null, year: number): string {
  if (!previous || previous.year !== year - 1) return '';
  const d = now - countOf(previous, `requests.newReceived.${TOTAL}`);
  return d > 0 ? `，较上年增加${d}件` : d < 0 ? `，较上年减少${-d}件` : '，与上年持平';
}

export function draftRequests(r: Report, previous: Report | null): string {
  const n = (row: string) => countOf(r, `requests.${row}.${TOTAL}`);
  const received = n('newReceived');
  const carried = n('carriedOver');
  const change = changeOf(received, previous, r.year);
  if (received === 0 && carried === 0 && n('resultTotal') === 0 && n('carriedForward') === 0)
    return `本年度未收到政府信息公开申请${change}。`;
  const by = items(APPLICANT_COLUMNS.map((label, c) => [label, countOf(r, `requests.newReceived.${c}`)]));
  const head = received === 0 ? `本年度未收到政府信息公开申请${change}` : `本年度共新收政府信息公开申请${received}件${by.length ? `（其中${by.join('、')}）` : ''}${change}`;
  const outcomes = items(OUTCOMES.map((o) => [o.label, outcomeValue(r, o)]));
  return (
    `${head}${carried ? `；上年结转${carried}件` : ''}。` +
    `共办结${n('resultTotal')}件${outcomes.length ? `，其中${outcomes.join('、')}` : ''}；结转下年度继续办理${n('carriedForward')}件。`
  );
}

export function draftAppeals(r: Report): string {
  const outcomes = getFormat(r.format).appeals.outcomes;
  const last = outcomes.length - 1;
  const review = countOf(r, `appeals.review.${last}`);
  const suits = litigationValue(r, last);
  if (review === 0 && suits === 0) return '本年度未发生政府信息公开行政复议、行政诉讼案件。';
  const results = (value: (i: number) => number) => items(outcomes.slice(0, last).map((o, i) => [o, value(i)]));
  const reviewResults = results((i) => countOf(r, `appeals.review.${i}`));
  const suitResults = results((i) => litigationValue(r, i));
  const counts = items([['行政复议', review], ['行政诉讼', suits]]);
  const detail = [
    review && reviewResults.length ? `行政复议${reviewResults.join('、')}` : '',
    suits && suitResults.length ? `行政诉讼${suitResults.join('、')}` : '',
  ].filter(Boolean);
  return `本年度发生政府信息公开${counts.join('、')}${detail.length ? `，其中${detail.join('，')}` : ''}。`;
}

export function draftStatements(r: Report, previous: Report | null): Drafts {
  return { active: draftActive(r), requests: draftRequests(r, previous), appeals: draftAppeals(r) };
}
