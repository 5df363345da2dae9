/**
 * The preview of an import: what was read (agency, year, format, source), the three tables with
 * unread cells to fill and uncertain ones highlighted, the importer's notes and the report's own
 * checks, and — when the archive already has that report — what would change and the choice to
 * replace it. Nothing is saved until 导入并打开.
 */
import { useMemo, useState } from 'react';
import type { AgencyInfo, ImportPreview as Preview, ReportSummary } from '../../../report/api';
import { layoutOf } from '../../../report/layout';
import { cellsToVerify } from '../../../report/import-verify';
import type { CellPath, Report } from '../../../report/types';
import { formatLabel } from '../ui/format';
import { fillImport } from './fill';
import { PreviewGrid } from './PreviewGrid';

/** Unread cells in pasted text from which the preview suggests importing the file itself. */
const TEXT_UNREAD_HINT = 20;

const SOURCE: Record<Preview['source'], string> = { text: '粘贴的文字', html: '网页', docx: 'Word 文件', xlsx: 'Excel 文件', json: '数据文件', pdf: 'PDF 文件' };

/** What 导入并打开 saves: where, whether as published, and the cells left 待核对 (report/import-verify.ts). */
export interface ImportChoice {
  agency: string;
  published: boolean;
  verify: CellPath[];
}

export function ImportPreview(props: {
  preview: Preview;
  /** The archive's agencies and reports: where the report can go (issue 15 #2). */
  agencies?: AgencyInfo[];
  reports?: ReportSummary[];
  busy: boolean;
  /** Why saving failed (e.g. the report was created meanwhile), shown by the buttons. */
  error: string;
  onBack: () => void;
  onCancel: () => void;
  onConfirm: (report: Report, replace: boolean, uncertain: CellPath[], choice: ImportChoice) => void;
}) {
  const { preview: p } = props;
  const defaultTarget = p.suggestedAgency ?? p.agencyRead;
  const [target, setTarget] = useState(defaultTarget);
  const [published, setPublished] = useState(p.source !== 'json');
  const agencies = props.agencies ?? [];
  // The archived report of that agency and year: the preview's own comparison for the default target.
  const existing = target.trim() === defaultTarget ? p.existing : (props.reports?.find((r) => r.agency === target.trim() && r.year === p.report.year) ?? null);
  const [typed, setTyped] = useState<ReadonlyMap<CellPath, string>>(new Map());
  const [blankAsZero, setBlankAsZero] = useState(false);
  const [replace, setReplace] = useState(false);
  const filled = useMemo(() => fillImport(p.report, p.nulls, p.uncertain, typed, blankAsZero), [p, typed, blankAsZero]);
  const cells = useMemo(
    () => ({ nulls: new Set(p.nulls), uncertain: new Set(p.uncertain), split: new Set(p.split), blank: filled.blank, typed, invalid: filled.invalid }),
    [p, filled, typed],
  );
  const onType = useMemo(() => (path: CellPath, text: string) => setTyped((t) => new Map(t).set(path, text)), []);

  const layout = layoutOf(p.report.format);
  const notes = p.findings.filter((f) => f.rule.startsWith('IMPORT-'));
  const checks = p.findings.filter((f) => !f.rule.startsWith('IMPORT-'));
  const checkErrors = checks.filter((f) => f.severity === 'error').length;
  const uncertainOnly = p.uncertain.filter((c) => !cells.nulls.has(c)).length;
  const toFill = p.nulls.filter((c) => !layout.cellByPath.get(c)?.totalOf).length;
  const splitOnly = p.split.filter((c) => !cells.nulls.has(c) && !cells.uncertain.has(c));
  /** 请核对: every cell read with a guess (uncertain or split by rule), counted at the top. */
  const toCheck = uncertainOnly + splitOnly.length;
  const agencyNote = p.findings.find((f) => f.rule === 'IMPORT-AGENCY');
  // 待核对 after saving: split cells and unread cells saved as 0 (「其余空白按0保存」), less what the clerk typed.
  const verify = useMemo(() => {
    const own = new Set([...typed].filter(([, text]) => text.trim() !== '').map(([path]) => path));
    return cellsToVerify({ format: p.report.format, split: p.split, nulls: p.nulls, uncertain: p.uncertain }, { seen: true, typed: own });
  }, [p, typed]);
  /** Unread cells the clerk has not filled: blank, or saved as 0 with 「其余空白按0保存」. */
  const unreadLeft = p.nulls.filter((c) => !layout.cellByPath.get(c)?.totalOf && !(typed.get(c) ?? '').trim()).length;

  const why =
    filled.invalid.size > 0
      ? `有${filled.invalid.size}个填写的数字无效（已用红色标出），请改正。`
      : unreadLeft > 0 && !blankAsZero
        ? `还有${unreadLeft}个未读出的格是空白，请按原报告填写，或勾选“其余空白按0保存”。`
        : !target.trim()
          ? '请选择或填写要存入的机关。'
          : existing && !replace
            ? `档案中已有${existing.agency}${existing.year}年度报告。要导入，请勾选“替换档案中的报告”。`
            : '';

  return (
    <div className="import-preview">
      <p className="preview-head">
        读取结果：<strong>{p.agencyRead || '（未读出机关名称）'}</strong> <strong>{p.report.year}年度</strong> · {formatLabel(p.report.format)} · 来源：{SOURCE[p.source]}
        {toCheck > 0 && <strong className="to-check">请核对{toCheck}格</strong>}
      </p>
      <div className="import-target">
        <label className="field">
          <span>存入机关</span>
          {/* An archived agency from the list, or any name for a new one. */}
          <input value={target} list="import-target-agencies" maxLength={100} autoComplete="off" onChange={(e) => setTarget(e.target.value)} aria-describedby="import-target-note" />
          <datalist id="import-target-agencies">
            {agencies.map((a) => (
              <option key={a.id} value={a.name}>
                {a.own ? '本机关' : ''}
              </option>
            ))}
            {p.agencyRead && !agencies.some((a) => a.name === p.agencyRead) && <option value={p.agencyRead}>原文的机关名称（新机关）</option>}
          </datalist>
        </label>
        <p id="import-target-note" className={agencyNote && target !== p.agencyRead && !p.suggestedAgency ? 'field-note warn-text' : 'field-note'}>
          {!target.trim()
            ? '请填写机关名称，或从列表中选择档案中已有的机关。'
            : target.trim() === p.agencyRead
              ? agencies.some((a) => a.name === p.agencyRead)
                ? '与原文的机关名称相同。'
                : '档案中还没有这个机关，将新建。'
              : `原文的机关名称是“${p.agencyRead || '（未写明）'}”，将存入${agencies.some((a) => a.name === target.trim()) ? '' : '新机关'}“${target.trim()}”${target.trim() === p.suggestedAgency ? '（名称相近，默认存入所选机关）' : '，请确认这是同一机关'}。`}
          {agencyNote && target === p.agencyRead && p.agencyRead ? ` ${agencyNote.message}` : ''}
        </p>
        <label className="check-line">
          <input type="checkbox" checked={published} onChange={(e) => setPublished(e.target.checked)} />
          这是已经发布的报告（标为“已发布”，不显示公开截止倒计时）
        </label>
      </div>
      {(p.nulls.length > 0 || uncertainOnly > 0 || splitOnly.length > 0) && (
        <p className="preview-legend">
          {p.nulls.length > 0 && <span><span className="swatch blank" />空白输入框：未能读出，请按原报告填写（{toFill}格）</span>}
          {uncertainOnly > 0 && <span><span className="swatch uncertain" />黄色：读取有疑问，请核对，必要时改正（{uncertainOnly}格）</span>}
          {splitOnly.length > 0 && <span><span className="swatch split" />蓝色：原文数字连在一起，已按勾稽关系拆分，请核对（{splitOnly.length}格；导入后列在检查结果的“待核对”中）</span>}
        </p>
      )}
      {p.source === 'text' && toFill >= TEXT_UNREAD_HINT && (
        // Copied text loses what a file keeps (blank cells, columns): the file itself reads better.
        <p className="import-hint warn-text" role="note">
          粘贴的文字中有{toFill}格没能读出（复制时空白格和列的位置常会丢失）。如有原报告的PDF、Word或网页文件，请点“返回”，用“方式一：选择文件”导入文件本身，通常能全部读出。
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
      {existing && (
        <section className="preview-existing" aria-label="与档案中的报告比较">
          <h3>
            档案中已有{existing.agency}
            {existing.year}年度报告（{existing.status === 'final' ? '已定稿' : '草稿'}）
          </h3>
          {existing !== p.existing ? null : p.differences.length === 0 ? (
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
            <input type="checkbox" checked={blankAsZero} onChange={(e) => setBlankAsZero(e.target.checked)} aria-describedby="zero-note" />
            其余空白按0保存
            {/* The unread cells may hold figures of the original: saved as 0 they stay listed until compared. */}
            {unreadLeft > 0 && (
              <span id="zero-note" className={blankAsZero ? 'zero-note warn-text' : 'zero-note muted'}>
                （{unreadLeft}格，存为0后列为“待核对”，请对照原报告逐格核对）
              </span>
            )}
          </label>
        )}
        <span className="why" role="status">{why}</span>
        <button type="button" onClick={props.onBack}>
          返回
        </button>
        <button type="button" onClick={props.onCancel}>
          取消
        </button>
        <button type="button" className="primary" disabled={why !== '' || props.busy} onClick={() => props.onConfirm(filled.report, replace, filled.accepted, { agency: target.trim(), published, verify })}>
          {existing ? '替换并打开' : '导入并打开'}
        </button>
      </div>
    </div>
  );
}
