/**
 * Exporting one report, from the editor or from an archive row: errors are listed and confirmed
 * first, the file is saved by main (desktop: a save dialog) or downloaded by the page (browser),
 * a toast says where it went, and once per archive the official fonts this PC lacks are named.
 */
import { useState, type ReactNode } from 'react';
import type { ExportKind, ExportOutcome, OfficialFontInfo } from '../../../report/api';
import type { Finding } from '../../../report/types';
import { api } from '../api';
import { Dialog } from '../ui/Dialog';
import { EXPORT_KINDS, GRAPHIC_CHOICES, type GraphicMenuKind, type MenuKind } from './ExportMenu';
import type { SelfCheckFix } from '../../../report/checks/selfcheck';
import { SelfCheckDialog } from '../selfcheck/SelfCheckDialog';
import { copyHtml, downloadFile } from './files';
import { fontMissing } from './fonts';
import { useFade } from '../ui/fade';

export interface ExportTarget {
  id: number;
  /** Makes the archived report current (the editor saves its open edits); returns why not, or null. */
  prepare?: () => Promise<string | null>;
  /** The report's error findings as they will be exported, or a message when they cannot be had. */
  errors: () => Promise<Finding[] | string>;
  /** 发布前自查's 「去修改」: the editor jumps to the cells, the archive opens the editor. 导出图解 is handled here. */
  fix?: (fix: SelfCheckFix) => void;
}

interface Toast {
  text: string;
  error?: boolean;
  busy?: boolean;
  outcome?: ExportOutcome;
  kind?: ExportKind | GraphicMenuKind;
}

const SHOWN_ERRORS = 8;

export function useExporter(): { start: (target: ExportTarget, kind: MenuKind) => void; ui: ReactNode } {
  const [ask, setAsk] = useState<{ target: ExportTarget; kind: MenuKind; errors: Finding[] } | null>(null);
  const [toast, setToast] = useState<Toast | null>(null);
  const [fonts, setFonts] = useState<OfficialFontInfo[] | null>(null);
  const [selfCheck, setSelfCheck] = useState<ExportTarget | null>(null);
  // A toast with a button stays; a plain one fades (and never sits over a dialog: see .toast in app.css).
  useFade(toast, () => setToast(null), { keep: (t) => Boolean(t.busy || t.outcome?.location || (t.kind === 'html' && t.outcome?.download)), error: (t) => Boolean(t.error) });

  const labelOf = (kind: MenuKind) => EXPORT_KINDS.find((k) => k.kind === kind)!.label;

  /** The one-time notice: only the fonts the Word file names that this PC does not have. */
  const fontsNotice = async () => {
    const seen = await api.noticeSeen({ key: 'missing-fonts' });
    if (!seen.ok || seen.value) return;
    const all = await api.officialFonts({});
    if (!all.ok) return;
    // The substitute is named only when this PC has it (SimHei is 黑体's other name: missing together).
    const missing = all.value.filter((f) => fontMissing(f.name)).map((f) => ({ ...f, altName: f.altName && !fontMissing(f.altName) ? f.altName : '' }));
    if (missing.length) setFonts(missing);
    else void api.markNotice({ key: 'missing-fonts' });
  };

  /** Desktop: the system print dialog (main). Browser: the printable page opens in a new tab. */
  const print = async (target: ExportTarget) => {
    setToast({ text: '正在准备打印…', busy: true });
    const r = await api.printReport({ id: target.id });
    if (!r.ok) return setToast({ text: `未能打印：${r.error.message}`, error: true });
    if (r.value.url) {
      window.open(r.value.url, '_blank', 'noopener');
      return setToast({ text: '打印版已在新标签页打开：按 Ctrl+P 打印，或在打印对话框中选择“另存为 PDF”。' });
    }
    setToast(r.value.printed ? { text: '已交给打印机。' } : null);
  };

  const run = async (target: ExportTarget, kind: MenuKind) => {
    if (kind === 'print') return print(target);
    if (kind === 'selfcheck') return setSelfCheck(target);
    setToast({ text: `正在${labelOf(kind)}…`, busy: true });
    const r = kind in GRAPHIC_CHOICES ? await api.exportGraphic({ id: target.id, ...GRAPHIC_CHOICES[kind as GraphicMenuKind] }) : await api.exportReport({ id: target.id, kind: kind as ExportKind });
    if (!r.ok) return setToast({ text: `未能导出：${r.error.message}`, error: true });
    const o = r.value;
    if (!o.saved) return setToast(null); // the save dialog was cancelled: nothing happened
    if (o.download) downloadFile(o.download);
    setToast({ text: `已导出：${o.fileName}${o.download ? '（已交给浏览器下载）' : ''}`, outcome: o, kind });
    if (kind === 'docx' || kind === 'xlsx') void fontsNotice();
  };

  const start = (target: ExportTarget, kind: MenuKind) => {
    void (async () => {
      setToast(null);
      const why = target.prepare ? await target.prepare() : null;
      if (why) return setToast({ text: why, error: true });
      const errors = await target.errors();
      if (typeof errors === 'string') return setToast({ text: errors, error: true });
      // 自查 lists the errors itself; every file asks first.
      if (errors.length && kind !== 'selfcheck') setAsk({ target, kind, errors });
      else await run(target, kind);
    })();
  };

  const copy = async (o: ExportOutcome) => {
    const done = o.download && (await copyHtml(o.download));
    setToast({ ...toast!, text: done ? '网页内容已复制，可在网站编辑器中直接粘贴。' : '浏览器不允许复制，请用下载的网页文件。' });
  };

  const ui = (
    <>
      {toast && (
        <div className={toast.error ? 'toast error' : 'toast'} role={toast.error ? 'alert' : 'status'}>
          <span>{toast.text}</span>
          {toast.outcome?.location && (
            <button type="button" onClick={() => void api.revealExport({}).then((r) => !r.ok && setToast({ text: r.error.message, error: true }))}>
              打开所在文件夹
            </button>
          )}
          {toast.kind === 'html' && toast.outcome?.download && (
            <button type="button" onClick={() => void copy(toast.outcome!)}>
              同时复制网页内容
            </button>
          )}
          {!toast.busy && (
            <button type="button" className="link" onClick={() => setToast(null)} aria-label="关闭导出提示">
              关闭
            </button>
          )}
        </div>
      )}
      {ask && (
        <Dialog title={`报告还有${ask.errors.length}处错误，仍要导出吗？`} onClose={() => setAsk(null)}>
          <p>有错误的报告公开后可能被指出数字不符。建议先改正：</p>
          <ol className="export-errors">
            {ask.errors.slice(0, SHOWN_ERRORS).map((f, i) => (
              <li key={i}>{f.message}</li>
            ))}
          </ol>
          {ask.errors.length > SHOWN_ERRORS && <p className="muted">另有{ask.errors.length - SHOWN_ERRORS}处，见检查结果。</p>}
          <div className="actions">
            <button type="button" data-autofocus onClick={() => setAsk(null)}>
              取消，先改正
            </button>
            <button type="button" className="primary" onClick={() => (setAsk(null), void run(ask.target, ask.kind))}>
              仍要{labelOf(ask.kind)}
            </button>
          </div>
        </Dialog>
      )}
      {selfCheck && (
        <SelfCheckDialog
          id={selfCheck.id}
          onClose={() => setSelfCheck(null)}
          onFix={(fix) => {
            setSelfCheck(null);
            if ('action' in fix && fix.action === 'graphic') start(selfCheck, 'graphic-png');
            else selfCheck.fix?.(fix);
          }}
        />
      )}
      {fonts && (
        <Dialog title="本机缺少公文字体" wide onClose={() => (setFonts(null), void api.markNotice({ key: 'missing-fonts' }))}>
          <p>导出的文件按公文格式使用下列字体，这台电脑没有安装。文件本身不受影响；在这台电脑上用 Word 或 WPS 打开时，会暂用替代字体显示和打印：</p>
          <table className="list">
            <thead>
              <tr>
                <th scope="col">公文字体</th>
                <th scope="col">用于</th>
                <th scope="col">本机替代显示为</th>
              </tr>
            </thead>
            <tbody>
              {fonts.map((f) => (
                <tr key={f.name}>
                  <td>{f.name}</td>
                  <td>{f.usage}</td>
                  <td>{f.altName || '系统默认字体'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted small">在装有这些字体的电脑上打开，即为标准公文样式。此提示只显示一次。</p>
          <div className="actions">
            <button type="button" className="primary" data-autofocus onClick={() => (setFonts(null), void api.markNotice({ key: 'missing-fonts' }))}>
              知道了
            </button>
          </div>
        </Dialog>
      )}
    </>
  );
  return { start, ui };
}
