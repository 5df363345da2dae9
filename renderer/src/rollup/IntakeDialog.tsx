/**
 * 收取报告: many files at once (a multi-file choice, a folder, or dropped on the box), read one by
 * one by main with 「已读 n / 共 m」 and the file being read. Each file is matched to a roster unit by
 * its agency name: exact → stored; close → proposed, to confirm; otherwise chosen by hand or added as
 * a new unit. Unreadable files are listed with the reason and never stop the others.
 */
import { useRef, useState } from 'react';
import type { CollectOutcome, RollupView } from '../../../report/rollup/view';
import type { UnitLevel } from '../../../report/rollup/types';
import { api } from '../api';
import { isImportableName } from '../../../report/lists';
import { ACCEPTED, ACCEPTED_TEXT, MAX_FILE_BYTES, readAsBase64 } from '../import/readFile';
import { Dialog } from '../ui/Dialog';
import { UNIT_LEVEL_LABELS } from './labels';


interface Item {
  file: File;
  outcome: CollectOutcome | null;
  /** What the clerk picks for an unmatched file: a roster unit, or a new unit with a level. */
  choice: string;
  level: UnitLevel;
}

export function IntakeDialog({ view, onChanged, onClose }: { view: RollupView; onChanged: () => void; onClose: () => void }) {
  const [items, setItems] = useState<Item[]>([]);
  const [progress, setProgress] = useState<{ n: number; m: number; name: string } | null>(null);
  const [over, setOver] = useState(false);
  const folder = useRef<HTMLInputElement>(null);
  const names = view.units.map((u) => u.agency);

  const send = async (file: File, extra: { agency?: string; addLevel?: UnitLevel; acceptUncertain?: boolean } = {}): Promise<CollectOutcome> => {
    const base = { fileName: file.name, status: 'refused', read: '', unit: '', proposal: '', replaced: false, added: false, uncertain: 0, errors: 0, warnings: 0 } as const;
    if (file.size > MAX_FILE_BYTES) return { ...base, message: `文件太大（${(file.size / 1024 / 1024).toFixed(1)}MB），不像是一份年度报告` };
    const r = await api.rollupCollect({ organ: view.organ, year: view.year, file: { fileName: file.name, dataBase64: await readAsBase64(file) }, ...extra });
    return r.ok ? r.value : { ...base, message: r.error.message };
  };

  const take = async (list: File[]) => {
    // Folders bring everything in them: only the kinds the importer reads are taken, the rest listed.
    const files = list.filter((f) => !f.name.startsWith('~$') && !f.name.startsWith('.'));
    const start = items.length;
    setItems((old) => [...old, ...files.map((file) => ({ file, outcome: null, choice: '', level: 'township' as UnitLevel }))]);
    for (const [i, file] of files.entries()) {
      setProgress({ n: i, m: files.length, name: file.name });
      const outcome = isImportableName(file.name) ? await send(file) : ({ fileName: file.name, status: 'refused', read: '', unit: '', proposal: '', replaced: false, added: false, uncertain: 0, errors: 0, warnings: 0, message: `不是年度报告的文件类型（可读取 ${ACCEPTED_TEXT}）` } as CollectOutcome);
      setItems((old) => old.map((it, j) => (j === start + i ? { ...it, outcome, choice: outcome.proposal } : it)));
    }
    setProgress({ n: files.length, m: files.length, name: '' });
    onChanged();
  };

  const retry = async (index: number, extra: Parameters<typeof send>[1]) => {
    const it = items[index]!;
    const outcome = await send(it.file, extra);
    setItems((old) => old.map((x, j) => (j === index ? { ...x, outcome } : x)));
    onChanged();
  };

  const done = items.filter((i) => i.outcome);
  // Files that need the office (a unit to choose, figures to confirm, unreadable) above the ✓ rows.
  // A file stored with errors (to send back) comes before the clean ✓ rows too.
  const RANK: Record<CollectOutcome['status'], number> = { unmatched: 0, held: 1, refused: 2, stored: 4, duplicate: 5 };
  const rank = (o: CollectOutcome | null) => (!o ? 6 : o.status === 'stored' && o.errors > 0 ? 3 : RANK[o.status]);
  const shown = items.map((it, i) => ({ it, i })).sort((a, b) => rank(a.it.outcome) - rank(b.it.outcome) || a.i - b.i);
  const stored = done.filter((i) => i.outcome!.status === 'stored').length;
  const same = done.filter((i) => i.outcome!.status === 'duplicate').length;
  return (
    <Dialog title={`收取报告 — ${view.organ}${view.year}年度`} onClose={onClose} large>
      <div
        className={`dropzone${over ? ' over' : ''}`}
        onDragOver={(e) => (e.preventDefault(), setOver(true))}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          void take([...e.dataTransfer.files]);
        }}
      >
        <p>把收到的报告文件（可多选）拖到这里，或：</p>
        <label className="button primary">
          选择文件…
          <input type="file" multiple accept={ACCEPTED} hidden disabled={progress !== null && progress.n < progress.m} onChange={(e) => (void take([...(e.target.files ?? [])]), (e.target.value = ''))} />
        </label>
        <label className="button">
          选择文件夹…
          <input
            ref={(el) => {
              folder.current = el;
              el?.setAttribute('webkitdirectory', '');
            }}
            type="file"
            multiple
            hidden
            onChange={(e) => (void take([...(e.target.files ?? [])]), (e.target.value = ''))}
          />
        </label>
        <p className="muted small">可读取本程序导出的 .docx/.xlsx/.json，网站上发布的 .html/.txt/.pdf，以及其他人制作的标准格式 .docx/.xlsx（或由它另存的 .csv）。</p>
      </div>
      {progress && (
        <div className="intake-progress" role="status">
          <progress max={progress.m} value={progress.n} />
          <span>
            已读 {progress.n} / 共 {progress.m}
            {progress.name && `，正在读取：${progress.name}`}
          </span>
        </div>
      )}
      {done.length > 0 && (
        <p>
          已保存 {stored} 个；{same > 0 && `与已收文件相同未重复保存 ${same} 个；`}需要处理 {done.length - stored - same} 个。
        </p>
      )}
      <table className="list intake">
        <thead>
          <tr>
            <th scope="col">文件</th>
            <th scope="col">结果</th>
            <th scope="col">处理</th>
          </tr>
        </thead>
        <tbody>
          {shown.map(({ it, i }) => {
            const o = it.outcome;
            return (
              <tr key={i} className={o ? `out-${o.status}` : ''}>
                <td>{it.file.name}</td>
                <td>
                  {o ? (o.status === 'stored' ? `✓ ${o.unit}：${o.message}` : o.message) : '等待读取…'}
                  {o?.status === 'stored' && o.errors > 0 && <strong className="error-text">（{o.errors}个错误）</strong>}
                </td>
                <td>
                  {o?.status === 'unmatched' && (
                    <div className="row-actions">
                      <select aria-label="对应的单位" value={it.choice} onChange={(e) => setItems((old) => old.map((x, j) => (j === i ? { ...x, choice: e.target.value } : x)))}>
                        <option value="">选择单位…</option>
                        {names.map((n) => (
                          <option key={n} value={n}>
                            {n}
                          </option>
                        ))}
                      </select>
                      <button type="button" disabled={!it.choice} onClick={() => void retry(i, { agency: it.choice })}>
                        {it.choice && it.choice === o.proposal ? '确认' : '归入'}
                      </button>
                      {o.read && (
                        <>
                          <select aria-label="新单位的级别" value={it.level} onChange={(e) => setItems((old) => old.map((x, j) => (j === i ? { ...x, level: e.target.value as UnitLevel } : x)))}>
                            {(['township', 'department', 'other'] as const).map((l) => (
                              <option key={l} value={l}>
                                {UNIT_LEVEL_LABELS[l]}
                              </option>
                            ))}
                          </select>
                          <button type="button" onClick={() => void retry(i, { agency: o.read, addLevel: it.level })}>
                            添加为新单位
                          </button>
                        </>
                      )}
                    </div>
                  )}
                  {o?.status === 'held' && (
                    <button type="button" onClick={() => void retry(i, { agency: o.unit, acceptUncertain: true, ...(names.includes(o.unit) ? {} : { addLevel: it.level }) })}>
                      按0保存，记录待核对
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="actions">
        <button type="button" className="primary" onClick={onClose}>
          完成
        </button>
      </div>
    </Dialog>
  );
}
