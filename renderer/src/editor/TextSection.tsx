/**
 * A text part of the report (导语, 一, 五, 六): plain paragraphs, the scaffolded sub-headings kept
 * in the text, the section's writing hint, 「引用上年文字」 and how much repeats last year's text.
 */
import { memo, useLayoutEffect, useRef, useState } from 'react';
import { PLACEHOLDER } from '../../../report/formats/common';
import { repeatShare } from '../../../report/checks/text';
import type { TextPart } from '../../../report/types';

export interface TextSectionProps {
  part: TextPart;
  heading: string;
  hint: string;
  text: string;
  previousText: string | null;
  previousYear: number | null;
  locked: string | null;
  highlighted: boolean;
  /** 对照上年: last year's text shown beside the box. */
  compare?: boolean;
  onChange: (part: TextPart, text: string) => void;
}

/** County assessments deduct points above 50 % repetition (report/checks/text.ts). */
const WARN_SHARE = 0.5;

export const TextSection = memo(function TextSection(p: TextSectionProps) {
  const area = useRef<HTMLTextAreaElement>(null);
  const [replaced, setReplaced] = useState<string | null>(null);
  useLayoutEffect(() => {
    // Grow with the text so the page scrolls as one document (CSSOM, allowed by the CSP).
    const el = area.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${el.scrollHeight + 2}px`;
  }, [p.text]);

  const repeat = p.previousText !== null ? repeatShare(p.text, p.previousText) : null;
  const placeholders = p.text.split(PLACEHOLDER).length - 1;
  const canQuote = !p.locked && !!p.previousText?.trim() && p.previousText !== p.text;
  const id = `text-${p.part}`;

  return (
    <section className={p.highlighted ? 'doc-section text-section hl' : 'doc-section text-section'} id={`sec-${p.part}`} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{p.heading}</h2>
      <p className="hint">
        <b>写作提示</b>
        {p.hint}
      </p>
      <div className="text-tools">
        <button
          type="button"
          disabled={!canQuote}
          title={p.previousText === null ? '档案中没有上年报告' : undefined}
          onClick={() => {
            setReplaced(p.text);
            p.onChange(p.part, p.previousText ?? '');
          }}
        >
          引用上年文字
        </button>
        {replaced !== null && (
          <button
            type="button"
            onClick={() => {
              p.onChange(p.part, replaced);
              setReplaced(null);
            }}
          >
            撤销引用
          </button>
        )}
        {repeat && repeat.total > 0 && (
          <span className={repeat.share >= WARN_SHARE ? 'repeat warn' : 'repeat'}>
            与{p.previousYear}年报告相同的句子：{repeat.repeated}/{repeat.total}（{Math.round(repeat.share * 100)}%）
            {repeat.share >= WARN_SHARE && '，重复过多，请结合本年实际改写'}
          </span>
        )}
        {p.previousText === null && <span className="muted">档案中没有上年报告，无法引用或比对。</span>}
        {placeholders > 0 && <span className="placeholder-count">还有{placeholders}处“{PLACEHOLDER}”待填写</span>}
      </div>
      <div className={p.compare && p.previousText !== null ? 'text-compare' : undefined}>
      <textarea
        ref={area}
        id={id}
        aria-label={`${p.heading} 正文`}
        value={p.text}
        readOnly={p.locked !== null}
        spellCheck={false}
        onChange={(e) => {
          setReplaced(null);
          p.onChange(p.part, e.target.value);
        }}
      />
      {p.compare && p.previousText !== null && (
        <div className="prev-text" aria-label={`${p.previousYear}年报告的${p.heading}`}>
          <p className="muted small">{p.previousYear}年报告</p>
          <div className="prev-body">{p.previousText || '（空）'}</div>
        </div>
      )}
      </div>
    </section>
  );
});
