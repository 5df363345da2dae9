/**
 * The preview of an import: what was read (agency, year, format, source), the three tables with
 * unread cells to fill and uncertain ones highlighted, the importer's notes and the report's own
 * checks, and — when the archive already has that report — what would change and the choice to
 * replace it. Nothing is saved until 导入并打开.
 */
import { useMemo, useState } from 'react';
import type { ImportPreview as Preview } from '../../../report/api';
import { layoutOf } from '../../../report/layout';
import type { CellPath, Report } from '../../../report/types';
import { formatLabel } from '../ui/format';
import { fillImport } from './fill';
import { PreviewGrid } from './PreviewGrid';

const SOURCE: Record<Preview['source'], string> = { text: '粘贴的文字', html: '网页', docx: 'Word 文件', xlsx: 'Excel 文件', json: '数据文件', pdf: 'PDF 文件' };

export function ImportPreview(props: {
  preview: Preview;
  busy: boolean;
  /** Why saving failed (e.g. the report was created meanwhile), shown by the buttons. */
  error: string;
  onBack: () => void;
  onCancel: () => void;
  onConfirm: (report: Report, replace: boolean, uncertain: CellPath[]) => void;
}) {
  const { preview: p } = props;
  const [typed, setTyped] = useState<ReadonlyMap<CellPath, string>>(new Map());
  const [blankAsZero, setBlankAsZero] = useState(false);
  const [replace, setReplace] = useState(false);
  const filled = useMemo(() => fillImport(p.report, p.nulls, p.uncertain, typed, blankAsZero), [p, typed, blankAsZero]);
  const cells = useMemo(
    () => ({ nulls: new Set(p.nulls), uncertain: new Set(p.uncertain), blank: filled.blank, typed, invalid: filled.invalid }),
    [p, filled, typed],
  );
  const onType = useMemo(() => (path: CellPath, text: string) => setTyped((t) => new Map(t).set(path, text)), []);

  const layout = layoutOf(p.report.format);
  const notes = p.findings.filter((f) => f.rule.startsWith('IMPORT-'));
  const checks = p.findings.filter((f) => !f.rule.startsWith('IMPORT-'));
  const checkErrors = checks.filter((f) => f.severity === 'error').length;
  const blankCount = [...filled.blank].filter((c) => !layout.cellByPath.get(c)?.totalOf).length;
  const uncertainOnly = p.uncertain.filter((c) => !cells.nulls.has(c)).length;
  const toFill = p.nulls.filter((c) => !layout.cellByPath.get(c)?.totalOf).length;

  const why =
    filled.invalid.size > 0
      ? `有${filled.invalid.size}个填写的数字无效（已用红色标出），请改正。`
      : blankCount > 0
        ? `还有${blankCount}个未读出的格是空白，请按原报告填写，或勾选“其余空白按0保存”。`
        : p.existing && !replace
          ? `档案中已有${p.existing.agency}${p.existing.year}年度报告。要导入，请勾选“替换档案中的报告”。`
          : '';

  return (
    <div className="import-preview">
      <p className="preview-head">
        读取结果：<strong>{p.report.agency || '（未读出机关名称）'}</strong> <strong>{p.report.year}年度</strong> · {formatLabel(p.report.format)} · 来源：{SOURCE[p.source]}
      </p>
      {(p.nulls.length > 0 || uncertainOnly > 0) && (
        <p className="preview-legend">
          {p.nulls.length > 0 && <span><span className="swatch blank" />空白输入框：未能读出，请按原报告填写（{toFill}格）</span>}
          {uncertainOnly > 0 && <span><span className="swatch uncertain" />黄色：读取有疑问，请核对，必要时改正（{uncertainOnly}格）</span>}
        </p>
      )}
      {(['active', 'requests', 'appeals'] as const).map((t) => (
        <section key={t} className="preview-table" aria-label={layout.grids[t].heading}>
          <h3>{layout.grids[t].heading}</h3>
          <PreviewGrid grid={layout.grids[t]} report={filled.report} cells={cells} onType={onType} />
        </section>
      ))}
      <section className="preview-findings" aria-label="读取说明和检查结果">
        <h3>读取说明和检查结果</h3>
        {checkErrors > 0 && (
          <p className="as-published" role="note">
            公布的原报告本身有{checkErrors}处不符合勾稽关系。导入时按公布的原样保存，不作改动；打开后可在检查结果中查看、改正。
          </p>
        )}
        {notes.length + checks.length === 0 ? (
          <p className="all-good">读取完整，未发现问题。</p>
        ) : (
          <ul className="findings-plain">
            {[...notes, ...checks].map((f, i) => (
              <li key={i} className={f.severity}>
                <span className="sev">{f.severity === 'error' ? '错误' : '提醒'}</span>
                {f.message}
              </li>
            ))}
          </ul>
        )}
        {p.headings.length > 0 && <p className="muted small">读到的标题：{p.headings.join(' / ')}</p>}
      </section>
      {p.existing && (
        <section className="preview-existing" aria-label="与档案中的报告比较">
          <h3>
            档案中已有{p.existing.agency}
            {p.existing.year}年度报告（{p.existing.status === 'final' ? '已定稿' : '草稿'}）
          </h3>
          {p.differences.length === 0 ? (
            <p>导入的内容与档案中的报告完全相同。</p>
          ) : (
            <>
              <p>有{p.differences.length}处不同：</p>
              <div className="diff-scroll">
                <table className="list diff-table">
                  <thead>
                    <tr>
                      <th scope="col">项目</th>
                      <th scope="col">档案中</th>
                      <th scope="col">导入的</th>
                    </tr>
                  </thead>
                  <tbody>
                    {p.differences.map((d) => (
                      <tr key={d.path}>
                        <td>{d.name}</td>
                        <td className="num">{d.archived}</td>
                        <td className="num">{d.incoming}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
          <label className="check-line">
            <input type="checkbox" checked={replace} onChange={(e) => setReplace(e.target.checked)} />
            替换档案中的报告（原内容保留在历史版本中）
          </label>
        </section>
      )}
      <div className="actions sticky-actions">
        {props.error && (
          <p role="alert" className="error-text action-error">
            {props.error}
          </p>
        )}
        {p.nulls.length > 0 && (
          <label className="check-line grow">
            <input type="checkbox" checked={blankAsZero} onChange={(e) => setBlankAsZero(e.target.checked)} />
            其余空白按0保存
          </label>
        )}
        <span className="why" role="status">{why}</span>
        <button type="button" onClick={props.onBack}>
          返回
        </button>
        <button type="button" onClick={props.onCancel}>
          取消
        </button>
        <button type="button" className="primary" disabled={why !== '' || props.busy} onClick={() => props.onConfirm(filled.report, replace, filled.accepted)}>
          {p.existing ? '替换并打开' : '导入并打开'}
        </button>
      </div>
    </div>
  );
}
