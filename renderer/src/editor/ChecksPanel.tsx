/**
 * Every finding in plain Chinese, errors first; choosing one takes the clerk to its cells. A
 * cross-year finding with a figure to apply offers 「改为N」 (and 「重新结转」 when the carried
 * figures are behind last year's report); figures an import did not read as printed (split by
 * rule, unread and saved as 0, doubtful and unseen) stay listed as 待核对 until confirmed. New counts are announced politely to screen readers.
 */
import { memo, useState } from 'react';
import type { CellPath, Finding } from '../../../report/types';

/** Rules whose `expected` is the figure the first cell should hold: 「改为17」 applies it. */
const FIXABLE = new Set(['Y-1', 'Y-2', 'Y-3', 'Y-4']);

export const fixOf = (f: Finding): { path: CellPath; value: number } | null =>
  FIXABLE.has(f.rule) && typeof f.expected === 'number' && f.cells[0] && !f.cells[0].startsWith('previous.') ? { path: f.cells[0], value: f.expected } : null;

/** The id of a finding's entry, for the cells' aria-describedby. */
export const findingId = (i: number): string => `finding-${i}`;

/** One row of 待核对 cells (checked as a row: an import splits a row's glued digits together). */
export interface VerifyItem {
  key: string;
  name: string;
  paths: CellPath[];
}

export const ChecksPanel = memo(function ChecksPanel(props: {
  findings: Finding[];
  hasPrevious: boolean;
  onPick: (f: Finding) => void;
  /** Applies a finding's figure (「改为N」); absent when the report is locked. */
  onFix?: ((f: Finding) => void) | undefined;
  /** 重新结转, offered beside the cross-year findings when the carried figures are behind. */
  onRecarry?: (() => void) | undefined;
  verify?: VerifyItem[];
  onPickCell?: (path: CellPath) => void;
  onVerified?: ((paths: CellPath[]) => void) | undefined;
  /** The check report for the leader who signs: print / PDF, or Word. */
  onCheckReport?: (kind: 'print' | 'docx') => void;
}) {
  const { findings, hasPrevious, onPick } = props;
  const [picked, setPicked] = useState<string | null>(null);
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  const verify = props.verify ?? [];
  const firstY1 = findings.findIndex((f) => f.rule === 'Y-1');
  return (
    <aside className="checks" aria-label="检查结果" id="checks">
      <h2 tabIndex={-1} id="checks-heading">
        检查结果
        <span className={errors ? 'count bad' : 'count'}>错误 {errors}</span>
        <span className={warnings ? 'count warn' : 'count'}>提醒 {warnings}</span>
      </h2>
      <p className="visually-hidden" role="status" aria-live="polite">{`检查结果：错误${errors}处，提醒${warnings}条${verify.length ? `，待核对${verify.length}行` : ''}`}</p>
      <p className="muted small">{hasPrevious ? '已对照上年报告检查。' : '档案中没有上年报告，未做跨年度对照。'}错误须改正后才能定稿；提醒请核实。</p>
      {props.onCheckReport && (
        <p className="check-report small">
          检查情况：
          <button type="button" className="link" onClick={() => props.onCheckReport?.('print')}>
            打印 / PDF
          </button>
          {' · '}
          <button type="button" className="link" onClick={() => props.onCheckReport?.('docx')}>
            导出 Word
          </button>
        </p>
      )}
      {verify.length > 0 && (
        <section className="verify" aria-label="待核对">
          <h3>
            待核对（{verify.length}行，{verify.reduce((n, v) => n + v.paths.length, 0)}格）
            {props.onVerified && (
              <button type="button" className="link" onClick={() => props.onVerified?.(verify.flatMap((v) => v.paths))}>
                全部已核对
              </button>
            )}
          </h3>
          <p className="muted small">这些格的数字导入时不是照原文直接读出的（数字连在一起按勾稽关系拆分的、未能读出按0保存的，或未经人工核对的存疑数字），表中蓝框标出，请对照原文逐行核对。</p>
          <ul className="verify-list">
            {verify.map((v) => (
              <li key={v.key}>
                <button type="button" className="link msg" onClick={() => props.onPickCell?.(v.paths[0]!)}>
                  {v.name}（{v.paths.length}格）
                </button>
                {props.onVerified && (
                  <button type="button" onClick={() => props.onVerified?.(v.paths)} aria-label={`已核对：${v.name}`}>
                    已核对
                  </button>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {findings.length === 0 ? (
        <p className="all-good">未发现问题。</p>
      ) : (
        <ol className="findings">
          {findings.map((f, i) => {
            const fix = props.onFix ? fixOf(f) : null;
            return (
              <li key={`${f.rule}-${i}`} className="finding-row">
                <button
                  type="button"
                  id={findingId(i)}
                  className={`finding ${f.severity}${picked === f.message ? ' picked' : ''}`}
                  aria-current={picked === f.message || undefined}
                  onClick={() => (setPicked(f.message), onPick(f))}
                >
                  <span className="sev">{f.severity === 'error' ? '错误' : '提醒'}</span>
                  <span className="msg">{f.message}</span>
                </button>
                {(fix || (f.rule === 'Y-1' && i === firstY1 && props.onRecarry)) && (
                  <span className="fix-row">
                    {fix && (
                      <button type="button" className="fix" onClick={() => props.onFix?.(f)} aria-describedby={findingId(i)}>
                        改为{fix.value}
                      </button>
                    )}
                    {f.rule === 'Y-1' && i === firstY1 && props.onRecarry && (
                      <button type="button" className="fix" onClick={props.onRecarry}>
                        重新结转
                      </button>
                    )}
                  </span>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </aside>
  );
});
