/**
 * 核对已发布 (issue 23 #1): the clerk gives the published page — a saved web page, its PDF or .docx,
 * or the text copied from it — and sees where it differs from the 定稿, cell by cell and sentence by
 * sentence, the changed characters marked on both sides. All the same: the report becomes 已发布
 * (已核对，与定稿一致, with the date). Otherwise nothing changes, and the list can be printed or saved
 * as a Word file for the website's editor.
 */
import { useState } from 'react';
import type { ReportSummary } from '../../../report/api';
import { emptyReport, type FormatId } from '../../../report';
import { cellTitle } from '../../../report/rollup/tables';
import { markDifference, verifySummary, type Segment, type VerifyResult } from '../../../report/verify';
import { api } from '../api';
import { downloadFile } from '../export/files';
import { readAsBase64, MAX_FILE_BYTES } from '../import/readFile';
import { Dialog } from '../ui/Dialog';
import './verify.css';

const ACCEPTED = '.html,.htm,.txt,.pdf,.docx';

export interface VerifyTarget {
  id: number;
  agency: string;
  year: number;
  format: FormatId;
}

function Marked({ segments }: { segments: Segment[] }) {
  if (!segments.length) return <span className="muted">（无）</span>;
  return (
    <>
      {segments.map((s, i) => (s.changed ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}
    </>
  );
}

export function dateText(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

function Differences({ result, format }: { result: VerifyResult; format: FormatId }) {
  // The labels of the layout (report/formats), with the table they belong to.
  const blank = emptyReport(format, '', 0);
  return (
    <div className="verify-list">
      {result.cells.length > 0 && (
        <table className="list verify-table" aria-label="数字不同">
          <caption>数字不同（{result.cells.length}处）</caption>
          <thead>
            <tr>
              <th scope="col">项目</th>
              <th scope="col">定稿</th>
              <th scope="col">网站</th>
            </tr>
          </thead>
          <tbody>
            {result.cells.map((c) => (
              <tr key={c.path}>
                <th scope="row">{c.label}</th>
                <td className="num">{c.archived}</td>
                <td className="num">
                  <mark>{c.published}</mark>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {result.text.length > 0 && (
        <table className="list verify-table" aria-label="文字不同">
          <caption>文字不同（{result.text.length}处，标出的是不同的字）</caption>
          <thead>
            <tr>
              <th scope="col">位置</th>
              <th scope="col">定稿</th>
              <th scope="col">网站</th>
            </tr>
          </thead>
          <tbody>
            {result.text.map((t, i) => {
              const m = markDifference(t.archived, t.published);
              return (
                <tr key={i}>
                  <th scope="row">{t.part}</th>
                  <td>
                    <Marked segments={m.archived} />
                  </td>
                  <td>
                    <Marked segments={m.published} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {result.uncertain.length > 0 && (
        <div className="verify-uncertain">
          <h3>无法核对（{result.uncertain.length}个数字读不准，请人工对照）</h3>
          <ul>
            {result.uncertain.map((p) => (
              <li key={p}>{cellTitle(blank, p)}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

export function VerifyDialog({ target, onClose, onVerified }: { target: VerifyTarget; onClose: () => void; onVerified: (summary: ReportSummary) => void }) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [outcome, setOutcome] = useState<{ result: VerifyResult; summary: ReportSummary } | null>(null);
  const [notice, setNotice] = useState('');

  const check = async (input: { file?: { fileName: string; dataBase64: string }; text?: string }) => {
    setBusy(true);
    setError('');
    const r = await api.verifyPublished({ id: target.id, ...input });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    setOutcome(r.value);
    if (r.value.result.same) onVerified(r.value.summary);
  };
  const onFile = async (e: React.ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) return setError(`文件过大（上限 ${MAX_FILE_BYTES / 1024 / 1024} MB）`);
    await check({ file: { fileName: file.name, dataBase64: await readAsBase64(file) } });
  };
  const onPaste = (e: React.ClipboardEvent<HTMLTextAreaElement>) => {
    // A copy from the web page carries its tables as HTML: their cells read more reliably than the text.
    const html = e.clipboardData.getData('text/html');
    if (html && !text.trim()) {
      e.preventDefault();
      setText(html);
    }
  };
  const exportWord = async () => {
    if (!outcome) return;
    const r = await api.exportVerify({ id: target.id, result: outcome.result });
    if (!r.ok) return setError(r.error.message);
    if (r.value.download) downloadFile(r.value.download);
    if (r.value.saved) setNotice(`已导出：${r.value.fileName}`);
  };

  const title = `核对已发布：${target.agency}${target.year}年度报告`;
  if (outcome) {
    const { result, summary } = outcome;
    return (
      <Dialog title={title} onClose={onClose} large={!result.same}>
        <div className="verify-print">
          <h2 className="print-only">{`《${target.agency}${target.year}年政府信息公开工作年度报告》网站发布版本与定稿的差异`}</h2>
          <p role="status" className={result.same ? 'notice ok verify-outcome' : 'notice error verify-outcome'}>
            {result.same ? `已核对，与定稿一致${summary.verifiedOn ? `（${dateText(summary.verifiedOn)}）` : ''}。报告已标为已发布。` : verifySummary(result)}
          </p>
          {!result.same && <Differences result={result} format={target.format} />}
        </div>
        {error && (
          <p role="alert" className="notice error">
            {error}
          </p>
        )}
        {notice && <p className="notice">{notice}</p>}
        <div className="actions">
          {!result.same && (
            <>
              <button type="button" onClick={() => window.print()}>
                打印
              </button>
              <button type="button" onClick={() => void exportWord()}>
                导出 Word
              </button>
              <button type="button" onClick={() => (setOutcome(null), setNotice(''))}>
                再核对一次
              </button>
            </>
          )}
          <button type="button" className="primary" data-autofocus onClick={onClose}>
            关闭
          </button>
        </div>
      </Dialog>
    );
  }
  return (
    <Dialog title={title} onClose={onClose}>
      <p>把网站上发布的这份报告与档案中的定稿逐格、逐句对照。一致时报告标为“已发布”；有差异时不作任何改动，列出差异，可打印或导出 Word 交给网站编辑改正。</p>
      <fieldset className="import-way">
        <legend>方式一：选择网站上的报告文件</legend>
        <label className="file-button">
          <input type="file" accept={ACCEPTED} className="visually-hidden" disabled={busy} onChange={(e) => void onFile(e)} />
          选择文件…
        </label>
        <span className="muted small">保存的网页（.html）、PDF、Word（.docx）或文字（.txt）</span>
      </fieldset>
      <fieldset className="import-way">
        <legend>方式二：粘贴网页内容</legend>
        <textarea
          aria-label="从网站复制的报告内容"
          data-autofocus
          rows={6}
          value={text}
          placeholder="在政府网站上打开这份报告，按 Ctrl+A 全选、Ctrl+C 复制，再在这里按 Ctrl+V 粘贴。"
          onChange={(e) => setText(e.target.value)}
          onPaste={onPaste}
        />
        <button type="button" className="primary" disabled={busy || !text.trim()} onClick={() => void check({ text })}>
          核对粘贴的内容
        </button>
      </fieldset>
      {error && (
        <p role="alert" className="notice error">
          {error}
        </p>
      )}
      <div className="actions">
        {busy && <span className="muted">正在核对…</span>}
        <button type="button" onClick={onClose}>
          取消
        </button>
      </div>
    </Dialog>
  );
}
