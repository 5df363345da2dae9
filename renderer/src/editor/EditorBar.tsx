/** The editor's title bar: back to the archive, the report, save state, undo/redo, history, export. */
import type { MenuKind } from '../export/ExportMenu';
import { ExportMenu } from '../export/ExportMenu';
import type { SaveState } from '../model/autosave';
import { savedLabel } from '../model/autosave';
import { STATUS_LABEL } from '../ui/format';

export interface EditorBarProps {
  title: string;
  status: 'draft' | 'final';
  save: SaveState;
  errors: number;
  warnings: number;
  canUndo: boolean;
  canRedo: boolean;
  onBack: () => void;
  /** 「← 返回汇总」 when opened from the 汇总 board; 「← 返回档案」 otherwise. */
  backLabel?: string;
  onUndo: () => void;
  onRedo: () => void;
  onHistory: () => void;
  onReopen: () => void;
  onExport: (kind: MenuKind) => void;
  /** How many cells hold figures carried from last year (0: no 撤销结转). */
  carried: number;
  onUndoCarry: () => void;
  sections: { id: string; label: string }[];
  /** 定稿 from the editor (issue 15 #7); `finaliseBlocked` is why not, shown as text beside it. */
  onFinalise?: () => void;
  /** 对照上年 toggle: absent when the archive has no report of last year. */
  compare?: { on: boolean; toggle: () => void } | null;
  /** 「已发布（2025年1月20日）」 for a report imported as published (issue 15 #9). */
  published?: string | null;
  finaliseBlocked?: string | null;
  /** 核对已发布 of a 定稿 report (issue 23 #1). */
  onVerify?: () => void;
}

function saveText(s: SaveState): string {
  switch (s.kind) {
    case 'idle':
      return '';
    case 'pending':
      return '有修改，即将保存…';
    case 'saving':
      return '正在保存…';
    case 'saved':
      return savedLabel(s.at);
    case 'error':
      return `未能保存：${s.error.message}${s.retrying ? '（稍后自动重试）' : ''}`;
    case 'conflict':
      return '修改已另存为历史版本';
  }
}

export function EditorBar(p: EditorBarProps) {
  return (
    <header className="topbar editor-bar">
      <div className="bar-row">
        <button type="button" onClick={p.onBack}>
          ← {p.backLabel ?? '返回档案'}
        </button>
        <h1 className="report-title" tabIndex={-1} title={p.title}>{p.title}</h1>
        {p.published && p.status === 'draft' ? <span className="badge published">{p.published}</span> : <span className={`badge ${p.status}`}>{STATUS_LABEL[p.status]}</span>}
        {p.status === 'final' && p.published && <span className="badge published">{p.published}</span>}
        {p.status === 'final' && (
          <button type="button" onClick={p.onReopen}>
            重新编辑
          </button>
        )}
        {p.status === 'final' && p.onVerify && (
          <button type="button" onClick={p.onVerify} title="把网站上发布的版本与定稿逐格逐句对照">
            核对已发布
          </button>
        )}
        {p.status === 'draft' && p.onFinalise && (
          <button type="button" className="primary" onClick={p.onFinalise} disabled={Boolean(p.finaliseBlocked)} aria-describedby={p.finaliseBlocked ? 'finalise-why' : undefined}>
            定稿
          </button>
        )}
        <div className="spacer" />
        <span className={p.save.kind === 'error' ? 'save-state error' : 'save-state'} role="status" aria-live="polite">
          {saveText(p.save)}
        </span>
        <button type="button" onClick={p.onUndo} disabled={!p.canUndo} title="Ctrl+Z">
          撤销
        </button>
        <button type="button" onClick={p.onRedo} disabled={!p.canRedo} title="Ctrl+Y">
          重做
        </button>
        <button type="button" onClick={p.onHistory}>
          历史版本
        </button>
        <ExportMenu label="导出本报告" onPick={p.onExport} />
      </div>
      <nav className="bar-row section-nav" aria-label="报告各部分">
        {p.sections.map((s) => (
          <button
            key={s.id}
            type="button"
            className="link"
            onClick={() => {
              const el = document.getElementById(s.id);
              el?.scrollIntoView({ block: 'start' });
              el?.querySelector<HTMLElement>('textarea, td[tabindex="0"], input')?.focus({ preventScroll: true });
            }}
          >
            {s.label}
          </button>
        ))}
        {/* The check panel is one jump away from anywhere (issue 15 #11). */}
        <button type="button" className="link" onClick={() => document.getElementById('checks-heading')?.focus()}>
          检查结果
        </button>
        <span className="spacer" />
        {/* Why 定稿 is not possible, and 撤销结转, sit on this row: at 1366 px the first keeps the whole title (issue 21 #6). */}
        {p.status === 'draft' && p.onFinalise && p.finaliseBlocked && (
          <span id="finalise-why" className="finalise-why">
            {p.finaliseBlocked}
          </span>
        )}
        {p.carried > 0 && (
          <button type="button" onClick={p.onUndoCarry} disabled={p.status === 'final'} title="将自上年结转的数字（表中标有“结转”）改回0">
            撤销结转
          </button>
        )}
        {p.compare && (
          <label className="compare-toggle">
            <input type="checkbox" checked={p.compare.on} onChange={p.compare.toggle} />
            对照上年
          </label>
        )}
        <span className={p.errors ? 'count bad' : 'count'}>错误 {p.errors}</span>
        <span className={p.warnings ? 'count warn' : 'count'}>提醒 {p.warnings}</span>
      </nav>
    </header>
  );
}
