/**
 * Layout parts that are identical in the 2019 and 2021 formats (format.md §4.2, §4.3, §5.2–5.4).
 * Each label is written here once; gov2021.ts and gov2019.ts assemble them.
 */
import type { AppealsTableDef, RequestColumn, RequestRow, SectionDef } from './model';

export const HEADINGS = {
  overview: '一、总体情况',
  active: '二、主动公开政府信息情况',
  requests: '三、收到和处理政府信息公开申请情况',
  appeals: '四、政府信息公开行政复议、行政诉讼情况',
  problems: '五、存在的主要问题及改进情况',
  other: '六、其他需要报告的事项',
} as const;

/** Table 二 parts shared by both formats: the 信息内容 column, widths [SH2019], block titles, row labels. */
export const ACTIVE_CONTENT_LABEL = '信息内容';
export const ACTIVE_GRID_COLUMNS = 4;
export const ACTIVE_WIDTHS = [219, 150, 101, 89] as const;
/** 第二十条第（X）项 (条例 §20 items, format.md §1.1). */
export const article20 = (item: '一' | '五' | '六' | '八' | '九'): string => `第二十条第（${item}）项`;
export const ACTIVE_ROWS = {
  rules: { key: 'rules', label: '规章' },
  licensing: { key: 'licensing', label: '行政许可' },
  punishment: { key: 'punishment', label: '行政处罚' },
  enforcement: { key: 'enforcement', label: '行政强制' },
  fees: { key: 'fees', label: '行政事业性收费' },
} as const;

export const REQUESTS_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
export const APPLICANT_HEADER = '申请人情况';

const LEGAL_PERSON = '法人或其他组织';

export const REQUEST_COLUMNS: readonly RequestColumn[] = [
  { label: '自然人' },
  { label: '商业企业', parent: LEGAL_PERSON, aliases: ['商业机构'] },
  { label: '科研机构', parent: LEGAL_PERSON },
  { label: '社会公益组织', parent: LEGAL_PERSON },
  { label: '法律服务机构', parent: LEGAL_PERSON },
  { label: '其他', parent: LEGAL_PERSON },
  { label: '总计', total: true },
];

/**
 * Proportions after the one published width hint [SH2019] (format.md §10.3: 23/57/137, 38/47/47/66/57/38/62),
 * rebalanced so the official labels break where a person breaks them: the item column holds 13 小五
 * characters (「3.补正后申请内容仍不明确」 and 「4.无正当理由大量反复申请」 on one line, no lone 「确」「请」),
 * 自然人 holds three; 社会公益组织 and 总计 give up the room, the figures still fit with plenty to spare.
 */
export const REQUEST_WIDTHS = [23, 54, 160, 43, 47, 47, 60, 57, 38, 43] as const;

/** The level-1 group of Table 三's result rows. */
export const RESULTS = '三、本年度办理结果';
const DENIED = '（三）不予公开';
const UNAVAILABLE = '（四）无法提供';
const NOT_PROCESSED = '（五）不予处理';

export const REQUEST_ROWS_HEAD: readonly RequestRow[] = [
  { key: 'newReceived', label: '一、本年新收政府信息公开申请数量' },
  { key: 'carriedOver', label: '二、上年结转政府信息公开申请数量' },
  { key: 'granted', group: RESULTS, label: '（一）予以公开' },
  { key: 'partiallyGranted', group: RESULTS, label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）' },
  { key: 'deniedStateSecret', group: RESULTS, subgroup: DENIED, label: '1.属于国家秘密', aliases: ['1.属于国家机密'] },
  { key: 'deniedLawProhibited', group: RESULTS, subgroup: DENIED, label: '2.其他法律行政法规禁止公开' },
  { key: 'deniedSafetyStability', group: RESULTS, subgroup: DENIED, label: '3.危及“三安全一稳定”' },
  { key: 'deniedThirdParty', group: RESULTS, subgroup: DENIED, label: '4.保护第三方合法权益' },
  { key: 'deniedInternalAffairs', group: RESULTS, subgroup: DENIED, label: '5.属于三类内部事务信息' },
  { key: 'deniedProcessInfo', group: RESULTS, subgroup: DENIED, label: '6.属于四类过程性信息' },
  { key: 'deniedEnforcementFile', group: RESULTS, subgroup: DENIED, label: '7.属于行政执法案卷', aliases: ['7.属于行政执法案件'] },
  { key: 'deniedQueryMatter', group: RESULTS, subgroup: DENIED, label: '8.属于行政查询事项' },
  { key: 'unavailableNotHeld', group: RESULTS, subgroup: UNAVAILABLE, label: '1.本机关不掌握相关政府信息' },
  { key: 'unavailableNeedsCreation', group: RESULTS, subgroup: UNAVAILABLE, label: '2.没有现成信息需要另行制作' },
  { key: 'unavailableUnclear', group: RESULTS, subgroup: UNAVAILABLE, label: '3.补正后申请内容仍不明确' },
  { key: 'notProcessedComplaint', group: RESULTS, subgroup: NOT_PROCESSED, label: '1.信访举报投诉类申请' },
  { key: 'notProcessedDuplicate', group: RESULTS, subgroup: NOT_PROCESSED, label: '2.重复申请' },
  { key: 'notProcessedPublication', group: RESULTS, subgroup: NOT_PROCESSED, label: '3.要求提供公开出版物' },
  { key: 'notProcessedMassRepeat', group: RESULTS, subgroup: NOT_PROCESSED, label: '4.无正当理由大量反复申请' },
  {
    key: 'notProcessedConfirmation',
    group: RESULTS,
    subgroup: NOT_PROCESSED,
    label: '5.要求行政机关确认或重新出具已获取信息',
    aliases: ['5.要求行政机关确认或重新出具已获信息'],
  },
];

export const OTHER_HANDLING = '（六）其他处理';

export const REQUEST_ROWS_TAIL: readonly RequestRow[] = [
  { key: 'resultTotal', group: RESULTS, label: '（七）总计', total: true },
  { key: 'carriedForward', label: '四、结转下年度继续办理' },
];

export const APPEALS: AppealsTableDef = {
  groups: [
    { key: 'review', label: '行政复议' },
    { key: 'litigationDirect', parent: '行政诉讼', label: '未经复议直接起诉' },
    { key: 'litigationAfterReview', parent: '行政诉讼', label: '复议后起诉' },
  ],
  outcomes: ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'],
  widths: Array.from({ length: 15 }, () => 1),
};

const OVERVIEW_HINT =
  '综述本机关贯彻落实《中华人民共和国政府信息公开条例》情况，主要包括主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障五个方面；各级人民政府还应写明工作考核、社会评议和责任追究结果情况（一般放在监督保障中）。';
const PROBLEMS_HINT =
  '写明政府信息公开工作存在的主要问题及改进情况（《条例》第五十条第（四）项），宜说明上年度报告所列问题的整改情况。内容应结合本年实际，避免与上年雷同。';

export const OVERVIEW_SCAFFOLD = ['（一）主动公开', '（二）依申请公开', '（三）政府信息管理', '（四）政府信息公开平台建设', '（五）监督保障'];
export const PROBLEMS_SCAFFOLD = ['（一）存在的主要问题', '（二）改进情况'];

/** Placeholder the scaffold leaves for the clerk; a placeholder left in any text is a warning. */
export const PLACEHOLDER = '【请填写】';

/** Local heading variants (format.md §2.1, §11 #6): read on import, reported by X-5, never generated. */
const HEADING_ALIASES = {
  overview: ['一、总体概况'],
  active: ['二、主动公开政府信息的情况', '二、行政机关主动公开政府信息情况'],
  requests: ['三、行政机关收到和处理政府信息公开申请的情况', '三、收到和处理政府信息公开申请的情况'],
  appeals: ['四、因政府信息公开工作被申请行政复议、提起行政诉讼的情况', '四、政府信息公开行政复议、行政诉讼的情况'],
  problems: ['五、政府信息公开工作存在的主要问题及改进情况'],
  other: [],
} as const;

/** The six sections; only 六's hint and scaffold differ between the formats. */
export function sections(otherHint: string, otherScaffold: readonly string[]): SectionDef[] {
  const a = HEADING_ALIASES;
  return [
    { heading: HEADINGS.overview, aliases: a.overview, kind: 'text', part: 'overview', hint: OVERVIEW_HINT, scaffold: OVERVIEW_SCAFFOLD },
    { heading: HEADINGS.active, aliases: a.active, kind: 'table', table: 'active', sheetName: '表二 主动公开' },
    { heading: HEADINGS.requests, aliases: a.requests, kind: 'table', table: 'requests', sheetName: '表三 依申请公开' },
    { heading: HEADINGS.appeals, aliases: a.appeals, kind: 'table', table: 'appeals', sheetName: '表四 复议诉讼' },
    { heading: HEADINGS.problems, aliases: a.problems, kind: 'text', part: 'problems', hint: PROBLEMS_HINT, scaffold: PROBLEMS_SCAFFOLD },
    { heading: HEADINGS.other, aliases: a.other, kind: 'text', part: 'other', hint: otherHint, scaffold: otherScaffold },
  ];
}

export const PREAMBLE_HINT =
  '写明报告依据和数据统计期限（自当年1月1日起至12月31日止）；可注明报告电子版的下载网址和联系方式（地址、电话）。';

export const STATUTE = '《中华人民共和国政府信息公开条例》';
