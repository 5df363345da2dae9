/** Every finding in plain Chinese, errors first; choosing one takes the clerk to its cells. */
import { memo, useState } from 'react';
import type { Finding } from '../../../report/types';

export const ChecksPanel = memo(function ChecksPanel({ findings, hasPrevious, onPick }: { findings: Finding[]; hasPrevious: boolean; onPick: (f: Finding) => void }) {
  const [picked, setPicked] = useState<string | null>(null);
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  return (
    <aside className="checks" aria-label="检查结果">
      <h2>
        检查结果
        <span className={errors ? 'count bad' : 'count'}>错误 {errors}</span>
        <span className={warnings ? 'count warn' : 'count'}>提醒 {warnings}</span>
      </h2>
      <p className="muted small">{hasPrevious ? '已对照上年报告检查。' : '档案中没有上年报告，未做跨年度对照。'}错误须改正后才能定稿；提醒请核实。</p>
      {findings.length === 0 ? (
        <p className="all-good">未发现问题。</p>
      ) : (
        <ol className="findings">
          {findings.map((f, i) => (
            <li key={`${f.rule}-${i}`}>
              <button
                type="button"
                className={`finding ${f.severity}${picked === f.message ? ' picked' : ''}`}
                aria-current={picked === f.message || undefined}
                onClick={() => (setPicked(f.message), onPick(f))}
              >
                <span className="sev">{f.severity === 'error' ? '错误' : '提醒'}</span>
                <span className="msg">{f.message}</span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </aside>
  );
});
