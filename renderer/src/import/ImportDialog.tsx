/**
 * 导入报告: a file chosen in the page (read here as bytes, so the renderer never names a path) or
 * the report's text pasted from the government website, optionally with the agency and year it
 * should be; then the preview. Bad input gets main's Chinese message here and nothing is written.
 */
import { useState } from 'react';
import type { AgencyInfo, ImportPreview as Preview, OpenedReport, ReportSummary, Upload } from '../../../report/api';
import type { CellPath, Report } from '../../../report/types';
import { api } from '../api';
import { Dialog } from '../ui/Dialog';
import { ImportPreview, type ImportChoice } from './ImportPreview';
import { ACCEPTED, MAX_FILE_BYTES, readAsBase64 } from './readFile';

export function ImportDialog(props: { agencies: AgencyInfo[]; reports?: ReportSummary[]; onImported: (o: OpenedReport) => void; onClose: () => void }) {
  // 本机关 is the default; else with one agency in the archive it is the one being worked on; with several, guessing could mislead.
  const [agency, setAgency] = useState(props.agencies.find((a) => a.own)?.name ?? (props.agencies.length === 1 ? props.agencies[0]!.name : ''));
  const [year, setYear] = useState('');
  const [text, setText] = useState('');
  /** The HTML of the last paste (tables intact), used while the textarea still shows that paste. */
  const [pastedHtml, setPastedHtml] = useState<string | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [over, setOver] = useState(false);

  const read = async (source: { file: Upload } | { text: string }) => {
    if (year && !/^\d{4}$/.test(year)) return setError('年度应为四位数，如 2024；不确定时可以不填。');
    setBusy(true);
    setError('');
    const r = await api.previewImport({ ...source, ...(agency.trim() ? { agency: agency.trim() } : {}), ...(year ? { year: Number(year) } : {}) });
    setBusy(false);
    if (r.ok) setPreview(r.value);
    else setError(r.error.message);
  };
  const onFile = (e: React.ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = ''; // choosing the same file again (after a correction) fires again
    if (file) void readChosen(file);
  };
  /** A file dropped on 方式一 (from the desktop, a mail attachment, the browser's download bar). */
  const onDrop = (e: React.DragEvent<HTMLFieldSetElement>) => {
    // Unhandled, the browser (or Electron) would open the file in place of the app.
    e.preventDefault();
    setOver(false);
    if (busy) return;
    const files = [...e.dataTransfer.files];
    if (files.length > 1) return setError('一次只能导入一份报告，请只拖入一个文件（汇总多个单位的报告请用「汇总」中的「收取报告」）。');
    if (files[0]) void readChosen(files[0]);
  };
  const readChosen = async (file: File) => {
    if (file.size > MAX_FILE_BYTES)
      return setError(`文件“${file.name}”太大（${(file.size / 1024 / 1024).toFixed(1)}MB）。年度报告的文件通常不到1MB；如果是含大量图片的文件，请改为复制网页文字粘贴导入。`);
    void read({ file: { fileName: file.name, dataBase64: await readAsBase64(file) } });
  };
  const onPaste = (e: React.ClipboardEvent<HTMLTextAreaElement>) => {
    const html = e.clipboardData.getData('text/html');
    const plain = e.clipboardData.getData('text/plain');
    e.preventDefault();
    const t = e.currentTarget;
    const shown = plain || (html ? (new DOMParser().parseFromString(html, 'text/html').body.innerText ?? '') : '');
    setText(t.value.slice(0, t.selectionStart) + shown + t.value.slice(t.selectionEnd));
    // A copy from a web page carries the tables as HTML; their cells read more reliably than the text.
    setPastedHtml(html && t.value.trim() === '' ? html : null);
  };
  const readPasted = () => {
    if (!text.trim()) return setError('请先把年度报告的网页内容粘贴到上面的框中。');
    void read({ text: pastedHtml ?? text });
  };
  const confirm = async (report: Report, replace: boolean, uncertain: CellPath[], choice: ImportChoice) => {
    setBusy(true);
    const r = await api.confirmImport({ report, replace, uncertain, agency: choice.agency, published: choice.published, ...(choice.verify.length ? { verify: choice.verify } : {}) });
    setBusy(false);
    if (r.ok) props.onImported(r.value);
    else setError(r.error.message);
  };

  return (
    <Dialog title={preview ? '导入报告：核对读取结果' : '导入报告'} onClose={props.onClose} large={preview !== null}>
      {preview ? (
        <ImportPreview preview={preview} agencies={props.agencies} {...(props.reports ? { reports: props.reports } : {})} busy={busy} error={error} onBack={() => (setPreview(null), setError(''))} onCancel={props.onClose} onConfirm={(...a) => void confirm(...a)} />
      ) : (
        <div className="import-source">
          <p>可以导入政府网站上公布的年度报告（复制网页文字，或下载的 PDF、保存的网页、Word、Excel 文件），也可以导入本软件导出的数据文件。先显示读取结果，确认后才保存到档案。</p>
          <div className="import-fields">
            <label className="field">
              <span>机关名称</span>
              <input value={agency} list="import-agencies" maxLength={100} placeholder="可不填，按原文读取" onChange={(e) => setAgency(e.target.value)} />
              <datalist id="import-agencies">
                {props.agencies.map((a) => (
                  <option key={a.id} value={a.name} />
                ))}
              </datalist>
            </label>
            <label className="field">
              <span>报告年度</span>
              <input value={year} inputMode="numeric" maxLength={4} placeholder="可不填" onChange={(e) => setYear(e.target.value.trim())} />
            </label>
          </div>
          <fieldset
            className={`import-way drop-target${over ? ' over' : ''}`}
            onDragOver={(e) => (e.preventDefault(), setOver(true))}
            onDragLeave={() => setOver(false)}
            onDrop={onDrop}
          >
            <legend>方式一：选择文件，或把文件拖到这里</legend>
            <label className="file-button">
              <input type="file" accept={ACCEPTED} className="visually-hidden" disabled={busy} onChange={onFile} />
              选择文件…
            </label>
            <span className="muted small">PDF（.pdf）、网页（.html）、Word（.docx）、Excel（.xlsx、.csv）、文本（.txt）或本软件的数据文件（.json）</span>
          </fieldset>
          <fieldset className="import-way">
            <legend>方式二：粘贴网页文字</legend>
            <textarea
              aria-label="粘贴的年度报告内容"
              data-autofocus
              rows={7}
              value={text}
              placeholder="在政府网站上打开年度报告，按 Ctrl+A 全选、Ctrl+C 复制，再在这里按 Ctrl+V 粘贴。"
              onChange={(e) => (setText(e.target.value), setPastedHtml(null))}
              onPaste={onPaste}
            />
            <button type="button" className="primary" disabled={busy} onClick={readPasted}>
              读取粘贴的内容
            </button>
          </fieldset>
          {error && (
            <p role="alert" className="notice error">
              {error}
            </p>
          )}
          <div className="actions">
            {busy && <span className="muted">正在读取…</span>}
            <button type="button" onClick={props.onClose}>
              取消
            </button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
