/**
 * 统计范围（名单）: units added by hand or from a pasted list of names (one per line; Excel columns
 * paste as lines), or from the archive's agencies that have a report for the year; each with a level.
 */
import { useEffect, useState } from 'react';
import type { RollupView } from '../../../report/rollup/view';
import type { UnitLevel } from '../../../report/rollup/types';
import { api } from '../api';
import { Dialog } from '../ui/Dialog';
import { UNIT_LEVEL_LABELS } from './labels';

export function RosterDialog({ view, onChanged, onClose }: { view: RollupView; onChanged: (v: RollupView, text: string) => void; onClose: () => void }) {
  const [text, setText] = useState('');
  const [level, setLevel] = useState<UnitLevel>('township');
  const [error, setError] = useState('');
  const [archived, setArchived] = useState<string[]>([]);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  useEffect(() => {
    void api.listArchive({}).then((r) => {
      if (!r.ok) return;
      const inRoster = new Set(view.units.map((u) => u.agency));
      setArchived([...new Set(r.value.reports.filter((x) => x.year === view.year && !inRoster.has(x.agency)).map((x) => x.agency))]);
    });
  }, [view]);

  const add = async (names: string[]) => {
    const clean = [...new Set(names.map((n) => n.replace(/^[\d\s.、，,]+/, '').trim()).filter(Boolean))];
    if (!clean.length) return setError('请填写单位名称，每行一个。');
    const r = await api.rollupAddUnits({ organ: view.organ, year: view.year, names: clean, level });
    if (!r.ok) return setError(r.error.message);
    setError('');
    setText('');
    setPicked(new Set());
    onChanged(r.value, `已加入 ${clean.length} 个单位`);
  };

  const changeLevel = async (agency: string, next: UnitLevel) => {
    const r = await api.rollupUpdateUnit({ organ: view.organ, year: view.year, agency, level: next });
    if (!r.ok) return setError(r.error.message);
    setError('');
    onChanged(r.value, `已把“${agency}”的级别改为${UNIT_LEVEL_LABELS[next]}`);
  };

  return (
    <Dialog title={`统计范围 — ${view.organ}${view.year}年度`} onClose={onClose} wide>
      <p className="muted small">每个单位每年只属于一个汇总单位。汇总单位本身（本级）已在名单中。</p>
      <label className="field">
        <span>级别</span>
        <select value={level} onChange={(e) => setLevel(e.target.value as UnitLevel)}>
          {(['township', 'department', 'other'] as const).map((l) => (
            <option key={l} value={l}>
              {UNIT_LEVEL_LABELS[l]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>单位名称</span>
        <textarea rows={8} value={text} onChange={(e) => setText(e.target.value)} placeholder={'每行一个，可从 Excel 或 Word 中整列复制粘贴，如：\n东城镇人民政府\n西城街道办事处'} data-autofocus />
      </label>
      <div className="actions">
        <button type="button" className="primary" onClick={() => void add(text.split(/\r?\n|\t/))}>
          加入名单
        </button>
      </div>
      {archived.length > 0 && (
        <section>
          <h3>档案中已有{view.year}年度报告的机关</h3>
          <div className="pick-list">
            {archived.map((a) => (
              <label key={a}>
                <input type="checkbox" checked={picked.has(a)} onChange={(e) => setPicked((s) => (e.target.checked ? new Set([...s, a]) : new Set([...s].filter((x) => x !== a))))} /> {a}
              </label>
            ))}
          </div>
          <div className="actions">
            <button type="button" disabled={!picked.size} onClick={() => void add([...picked])}>
              把选中的 {picked.size} 个加入名单
            </button>
          </div>
        </section>
      )}
      {error && <p className="error-text" role="alert">{error}</p>}
      <h3>名单（{view.units.length}个单位）</h3>
      <div className="roster-list">
        <table className="list">
          <tbody>
            {view.units.map((u) => (
              <tr key={u.agency}>
                <td>{u.agency}</td>
                <td>
                  {u.level === 'self' ? (
                    UNIT_LEVEL_LABELS.self
                  ) : (
                    <select aria-label={`${u.agency}的级别`} value={u.level} onChange={(e) => void changeLevel(u.agency, e.target.value as UnitLevel)}>
                      {(['township', 'department', 'other'] as const).map((l) => (
                        <option key={l} value={l}>
                          {UNIT_LEVEL_LABELS[l]}
                        </option>
                      ))}
                    </select>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="actions">
        <button type="button" onClick={onClose}>
          关闭
        </button>
      </div>
    </Dialog>
  );
}
