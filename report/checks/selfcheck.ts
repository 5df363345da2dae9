/**
 * 发布前自查: the checks an assessor makes on a report before (and just after) it goes out, each with
 * its source, its state (passed / to look at / not applicable) and where to fix it. Pure: main gathers
 * the archive's facts (earlier years, the 图解 record, 核对已发布) and the same findings the editor
 * shows; every rule that already exists is read from those findings, not written again.
 */
import { repeatShare, REPEAT_WARN_SHARE } from './text';
import { countdown, deadlineLabel } from '../deadline';
import { getFormat } from '../formats';
import { normalizeDigits } from '../numbers';
import type { CellPath, Finding, Report } from '../types';

export type SelfCheckState = 'pass' | 'look' | 'na';

/** What a 「去修改」 button does: jump to cells/sections of the editor, or open an action. */
export type SelfCheckFix = { cells: CellPath[] } | { action: 'graphic' | 'verify' | 'finalise' };

export interface SelfCheckItem {
  id: string;
  title: string;
  /** Where the requirement comes from, as an assessor would cite it. */
  source: string;
  state: SelfCheckState;
  detail: string;
  fix: SelfCheckFix | null;
}

export interface SelfCheckFacts {
  report: Report;
  /** The findings of runChecks with last year's report, as the editor shows them. */
  findings: readonly Finding[];
  /** Last year's report, when archived (结转). */
  previous: Report | null;
  /** Every earlier year of this agency in the archive (雷同 is checked against each). */
  earlier: readonly Report[];
  /** Publication deadline, YYYY-MM-DD, and today. */
  deadline: string;
  today: Date;
  final: boolean;
  published: boolean;
  publishedOn: string | null;
  /** The report's version now, and the 图解 last exported (when, of which version). */
  version: number;
  graphic: { at: string; version: number } | null;
  /** 核对已发布: the date the published page was found equal; undefined when this archive cannot record it. */
  verifiedOn: string | null;
}

/** Content under 五's （一）（二） shorter than this says nothing an assessor can credit. */
export const THIN_SECTION_CHARS = 50;

const SUB_HEADING = /^[（(][一二三四五六七八九十]+[)）][^。！？]{0,24}$/;
const REPEAT_PARTS = ['overview', 'problems', 'other'] as const;

const heading = (r: Report, part: 'overview' | 'problems' | 'other') =>
  getFormat(r.format).sections.find((s) => s.kind === 'text' && s.part === part)!.heading;

const notice = (f: SelfCheckFacts) => getFormat(f.report.format).notice;

const item = (id: string, title: string, source: string, state: SelfCheckState, detail: string, fix: SelfCheckFix | null = null): SelfCheckItem => ({ id, title, source, state, detail, fix });

/** The findings of some rules, as one item: passed when none, else the first few named. */
function fromFindings(id: string, title: string, source: string, all: readonly Finding[], rule: (r: string) => boolean, ok: string): SelfCheckItem {
  const hits = all.filter((f) => rule(f.rule));
  if (!hits.length) return item(id, title, source, 'pass', ok);
  const errors = hits.filter((f) => f.severity === 'error').length;
  const head = errors ? `${errors}处错误${hits.length > errors ? `、${hits.length - errors}处提醒` : ''}` : `${hits.length}处提醒`;
  const cells = hits[0]!.cells.filter((c) => !c.startsWith('previous.'));
  return item(id, title, source, 'look', `${head}：${hits.slice(0, 3).map((f) => f.message).join('；')}${hits.length > 3 ? '……' : ''}`, cells.length ? { cells } : null);
}

function repetition(f: SelfCheckFacts): SelfCheckItem {
  const title = '与往年报告雷同';
  const source = '考核通报：正文照搬往年，重复率超过50%扣分';
  const years = [...f.earlier].filter((e) => e.year < f.report.year).sort((a, b) => b.year - a.year);
  if (!years.length) return item('repeat', title, source, 'na', '档案中没有本机关往年的报告，无从比较');
  let worst = { share: 0, year: 0, part: 'overview' as (typeof REPEAT_PARTS)[number], repeated: 0, total: 0 };
  for (const e of years)
    for (const part of REPEAT_PARTS) {
      const r = repeatShare(f.report.text[part], e.text[part]);
      if (r.total > 0 && r.share > worst.share) worst = { share: r.share, year: e.year, part, repeated: r.repeated, total: r.total };
    }
  const compared = `已与${years.map((e) => e.year).join('、')}年度比较`;
  const pct = Math.round(worst.share * 100);
  if (worst.share >= REPEAT_WARN_SHARE)
    return item('repeat', title, source, 'look', `${heading(f.report, worst.part)}有${worst.repeated}/${worst.total}句与${worst.year}年度报告相同（${pct}%）；${compared}`, { cells: [`text.${worst.part}`] });
  return item('repeat', title, source, 'pass', worst.share > 0 ? `重复最多的是与${worst.year}年度（${pct}%）；${compared}` : `没有与往年相同的句子；${compared}`);
}

/** Characters of content (not headings, not whitespace) under each （一）（二）… of 五. */
export function subSectionLengths(text: string): { heading: string; chars: number }[] {
  const out: { heading: string; chars: number }[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    if (SUB_HEADING.test(line)) out.push({ heading: line, chars: 0 });
    else if (out.length) out[out.length - 1]!.chars += line.replace(/\s+/g, '').length;
    else out.push({ heading: '', chars: line.replace(/\s+/g, '').length });
  }
  return out;
}

function thinProblems(f: SelfCheckFacts): SelfCheckItem {
  const title = '五、问题和改进写得太少';
  const source = '年报评估：存在的主要问题及改进情况内容空泛、一句带过';
  const parts = subSectionLengths(f.report.text.problems);
  const headed = parts.filter((p) => p.heading);
  // Without sub-headings, the whole section should hold what two would.
  const thin = headed.length ? headed.filter((p) => p.chars < THIN_SECTION_CHARS) : parts.reduce((s, p) => s + p.chars, 0) < 2 * THIN_SECTION_CHARS ? [{ heading: '', chars: parts.reduce((s, p) => s + p.chars, 0) }] : [];
  const fix = { cells: ['text.problems'] };
  if (thin.length)
    return item('thin', title, source, 'look', thin.map((p) => `${p.heading || heading(f.report, 'problems')}下只有${p.chars}字`).join('；') + `（建议每部分不少于${THIN_SECTION_CHARS}字，写明具体问题和措施）`, fix);
  return item('thin', title, source, 'pass', headed.length ? headed.map((p) => `${p.heading}${p.chars}字`).join('，') : `共${parts.reduce((s, p) => s + p.chars, 0)}字`);
}

function feeSentence(f: SelfCheckFacts): SelfCheckItem {
  const title = '六、信息处理费的收取情况';
  const source = '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）；国办公开办函〔2021〕30号';
  if (f.report.format !== 'gov-2021') return item('fee', title, source, 'na', '2019、2020年度的格式不要求写信息处理费');
  return fromFindings('fee', title, source, f.findings, (r) => r === 'X-3', '已写明信息处理费的收取情况');
}

function closing(f: SelfCheckFacts): SelfCheckItem {
  const missing = [!f.report.closing.agency.trim() && '落款机关', !f.report.closing.date.trim() && '成文日期'].filter(Boolean);
  const fix = { cells: ['closing.date'] };
  if (missing.length) return item('closing', '落款和成文日期', '《党政机关公文格式》（GB/T 9704）', 'look', `还没有${missing.join('和')}`, fix);
  return item('closing', '落款和成文日期', '《党政机关公文格式》（GB/T 9704）', 'pass', `${f.report.closing.agency.trim()}　${f.report.closing.date.trim()}`);
}

function period(f: SelfCheckFacts): SelfCheckItem {
  const title = '统计期限';
  const source = `${notice(f)}格式导语：写明数据统计期限`;
  const y = f.report.year;
  const text = normalizeDigits(f.report.text.preamble + f.report.text.overview);
  const wrongYear = f.findings.find((x) => x.rule === 'R-9' && /统计期限/.test(x.message));
  if (wrongYear) return item('period', title, source, 'look', wrongYear.message, { cells: wrongYear.cells });
  if (!new RegExp(`${y}年1月1日[^。]{0,6}至(?:${y}年)?12月31日`).test(text))
    return item('period', title, source, 'look', `导语中没有写明统计期限（如“自${y}年1月1日起至${y}年12月31日止”）`, { cells: ['text.preamble'] });
  return item('period', title, source, 'pass', `已写明：${y}年1月1日至${y}年12月31日`);
}

function deadline(f: SelfCheckFacts): SelfCheckItem {
  const title = '公开时限';
  const source = '《政府信息公开条例》第五十条：每年1月31日前公布本机关上一年度年报';
  const c = countdown(f.deadline, f.today, false);
  const due = `截止日${deadlineLabel(f.deadline)}`;
  if (f.published) return item('deadline', title, source, 'pass', `已发布${f.publishedOn ? `（${f.publishedOn}）` : ''}；${due}`);
  if (c.tone === 'late') return item('deadline', title, source, 'look', `${c.text}，请尽快发布（${due}）`, f.final ? null : { action: 'finalise' });
  return item('deadline', title, source, c.tone === 'soon' ? 'look' : 'pass', `${c.text}（${due}）`, f.final ? null : { action: 'finalise' });
}

function graphic(f: SelfCheckFacts): SelfCheckItem {
  const title = '图解（一图读懂）';
  const source = '政务公开工作要点和考核：年报配发图片、图表、图解解读';
  if (!f.graphic) return item('graphic', title, source, 'look', '还没有导出图解', { action: 'graphic' });
  // The clerk's own calendar day, as the countdown counts it.
  const d = new Date(f.graphic.at);
  const day = `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
  if (f.graphic.version < f.version) return item('graphic', title, source, 'look', `图解是${day}按第${f.graphic.version}版导出的，之后报告又改过（现为第${f.version}版），请重新导出`, { action: 'graphic' });
  return item('graphic', title, source, 'pass', `已于${day}导出，与当前内容一致`);
}

function verified(f: SelfCheckFacts): SelfCheckItem {
  const title = '核对已发布';
  const source = '考核通报：网站发布稿与定稿不一致、数字丢失';
  if (f.verifiedOn) return item('verify', title, source, 'pass', `已核对，与定稿一致（${f.verifiedOn}）`);
  if (!f.published) return item('verify', title, source, 'na', '发布到网站后，用「核对已发布」与定稿逐格逐句比较');
  return item('verify', title, source, 'look', '已发布，还没有与网站上的发布稿核对', { action: 'verify' });
}

export function selfCheck(f: SelfCheckFacts): SelfCheckItem[] {
  const carrySource = `${notice(f)}格式：上年结转、现行有效件数`;
  const tableRule = (r: string) => /^T[234]-/.test(r);
  const carryRule = (r: string) => /^Y-\d/.test(r);
  const carry = f.previous
    ? fromFindings('carry', '与上年报告的结转衔接', carrySource, f.findings, carryRule, `与${f.previous.year}年度报告衔接一致`)
    : item('carry', '与上年报告的结转衔接', carrySource, 'na', `档案中没有${f.report.year - 1}年度的报告`);
  return [
    fromFindings('tables', '表格勾稽关系', `${notice(f)}格式的表格说明（表三、表四的合计关系）`, f.findings, tableRule, '表二、表三、表四的合计和勾稽关系都成立'),
    carry,
    repetition(f),
    thinProblems(f),
    feeSentence(f),
    closing(f),
    period(f),
    deadline(f),
    graphic(f),
    verified(f),
  ];
}

export const SELF_CHECK_STATE_LABELS: Record<SelfCheckState, string> = { pass: '通过', look: '请查看', na: '不适用' };
