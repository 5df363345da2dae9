/**
 * Finding a label of the format definition in the compact text. Labels are searched without their
 * item number (“2.”, “（一）”), which is then taken in when it is printed: in running text the
 * number glues to the figures before it (「00000002.其他法律…」), and it belongs to the label. A
 * label wrapped around its figures (「…不再处理其政府信息 0 0 0 … 公开申请」) is found by its longest
 * printed beginning (or end).
 */
import { compactLabel, splitItem } from './normalize';

export interface LabelHit {
  /** Compact indices of the label as printed (item number included). */
  start: number;
  end: number;
  /** Which of the label's forms matched: 0 = the label itself, 1… = aliases. */
  form: number;
  /** Only part of the label was printed here. */
  partial: boolean;
  /** Put together from pieces with other text between them (split-label.ts). */
  split?: boolean;
}

/** A short core (「其他」, 「总计」) is common in headers; it only counts with its item number. */
const SHORT_CORE = 4;
const MIN_PARTIAL = 6;

/** The ways an item number is printed (「2.」「2、」「(2)」). */
export function prefixForms(prefix: string): string[] {
  const d = /^(\d{1,2})[.、]$/.exec(prefix);
  if (d) return [`${d[1]}.`, `${d[1]}、`, `(${d[1]})`];
  return prefix ? [prefix] : [];
}

interface Form {
  prefixes: string[];
  core: string;
}

export class LabelMatcher {
  private readonly forms: Form[];

  constructor(labels: readonly string[]) {
    this.forms = labels.map((l) => {
      const { prefix, core } = splitItem(compactLabel(l));
      return { prefixes: prefixForms(prefix), core };
    });
  }

  private prefixBefore(text: string, i: number, f: Form): number {
    for (const p of f.prefixes) if (text.startsWith(p, i - p.length)) return p.length;
    return 0;
  }

  private exact(text: string, from: number, to: number): LabelHit | null {
    let best: LabelHit | null = null;
    this.forms.forEach((f, form) => {
      if (!f.core) return;
      for (let i = text.indexOf(f.core, from); i >= 0 && i + f.core.length <= to; i = text.indexOf(f.core, i + 1)) {
        if (best && i >= best.start) break;
        const p = this.prefixBefore(text, i, f);
        if (f.core.length < SHORT_CORE && f.prefixes.length && !p) continue;
        if (i - p < from) continue;
        best = { start: i - p, end: i + f.core.length, form, partial: false };
        break;
      }
    });
    return best;
  }

  private partial(text: string, from: number, to: number): LabelHit | null {
    let best: LabelHit | null = null;
    const window = text.slice(from, to);
    this.forms.forEach((f, form) => {
      const min = Math.max(MIN_PARTIAL, Math.ceil(f.core.length * 0.6));
      for (let len = f.core.length - 1; len >= min; len--) {
        const head = f.core.slice(0, len);
        const tail = f.core.slice(f.core.length - len);
        const h = window.indexOf(head);
        const t = window.indexOf(tail);
        const at = h >= 0 ? h : t;
        if (at < 0) continue;
        const i = from + at;
        const p = h >= 0 ? this.prefixBefore(text, i, f) : 0;
        if (!best || len > best.end - best.start) best = { start: i - p, end: i + len, form, partial: true };
        break;
      }
    });
    return best;
  }

  /** The first occurrence in [from, to), exact forms preferred over partial ones. */
  find(text: string, from: number, to: number): LabelHit | null {
    return this.exact(text, from, to) ?? this.partial(text, from, to);
  }

  /** Every exact occurrence in [from, to): used for the boundaries between rows. */
  all(text: string, from: number, to: number): number[] {
    const out: number[] = [];
    this.forms.forEach((f) => {
      if (!f.core) return;
      for (let i = text.indexOf(f.core, from); i >= 0 && i + f.core.length <= to; i = text.indexOf(f.core, i + 1)) {
        const p = this.prefixBefore(text, i, f);
        if (f.core.length < SHORT_CORE && f.prefixes.length && !p) continue;
        out.push(i - p);
      }
    });
    return out;
  }
}
