/** An agency's name (correctable), level (for the rules that depend on it) and publication deadline. */
import { useState } from 'react';
import type { AgencyInfo } from '../../../report/api';
import type { AgencyLevel } from '../../../report/types';
import { api } from '../api';
import { RenameDialog, type FinishedChoice } from './RenameDialog';

const LEVELS: Record<AgencyLevel, string> = { township: '乡镇、街道', county: '县级', city: '市级', province: '省级' };

/** `finished`: the agency's 已定稿 and 已发布 reports, asked about when the name is corrected. */
export function AgencySettings({ agency, finished, onChanged, onMerge, readonly }: { agency: AgencyInfo; finished: { year: number; state: string }[]; onChanged: (message: string) => void; onMerge?: () => void; readonly?: boolean }) {
  const [editing, setEditing] = useState(false);
  const [askRename, setAskRename] = useState<string | null>(null);
  const [name, setName] = useState(agency.name);
  const [month, day] = agency.deadline.split('-').map(Number) as [number, number];
  const [error, setError] = useState('');

  const update = async (changes: { name?: string; deadline?: string; level?: AgencyLevel | null; own?: boolean; finished?: FinishedChoice }, done: string) => {
    const r = await api.updateAgency({ id: agency.id, ...changes });
    if (r.ok) {
      setError('');
      setEditing(false);
      onChanged(done);
    } else setError(r.error.message);
  };
  const setDeadline = (m: number, d: number) => {
    const last = new Date(2001, m, 0).getDate(); // a non-leap year: 2月29日 would not exist every year
    const dd = Math.min(d, last);
    void update({ deadline: `${String(m).padStart(2, '0')}-${String(dd).padStart(2, '0')}` }, `公开截止日已改为次年${m}月${dd}日`);
  };
  const inferred = agency.inferredLevel ? `按名称判断：${LEVELS[agency.inferredLevel]}` : '按名称无法判断';

  return (
    <div className="agency-head">
      {editing ? (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            const to = name.trim();
            if (to !== agency.name && finished.length) return setAskRename(to);
            void update({ name: to }, `机关名称已更正为“${to}”`);
          }}
        >
          <input aria-label="机关名称" value={name} maxLength={100} onChange={(e) => setName(e.target.value)} autoFocus />
          <button type="submit" className="primary">
            保存名称
          </button>
          <button type="button" onClick={() => (setEditing(false), setName(agency.name), setError(''))}>
            取消
          </button>
        </form>
      ) : (
        <h2>
          {agency.name}
          {agency.own && <span className="badge own">本机关</span>}
          {agency.formerNames.length > 0 && <span className="former-names muted small">曾用名：{agency.formerNames.join('、')}</span>}
          <button type="button" className="link" onClick={() => setEditing(true)} aria-label={`更正机关名称：${agency.name}`}>
            更正名称
          </button>
          {onMerge && (
            <button type="button" className="link" disabled={readonly} onClick={onMerge} aria-label={`将${agency.name}合并到其他机关`}>
              合并到…
            </button>
          )}
        </h2>
      )}
      <div className="agency-props">
        <label>
          <input
            type="checkbox"
            checked={agency.own}
            disabled={readonly}
            onChange={(e) => void update({ own: e.target.checked }, e.target.checked ? `已标为本机关：“${agency.name}”排在最前，新建和导入时默认选它` : `“${agency.name}”已改为参考机关`)}
          />
          本机关
        </label>
        <label>
          公开截止：次年
          <select aria-label={`${agency.name} 公开截止月份`} value={month} onChange={(e) => setDeadline(Number(e.target.value), day)}>
            {Array.from({ length: 12 }, (_, i) => (
              <option key={i} value={i + 1}>
                {i + 1}月
              </option>
            ))}
          </select>
          <select aria-label={`${agency.name} 公开截止日`} value={day} onChange={(e) => setDeadline(month, Number(e.target.value))}>
            {Array.from({ length: 31 }, (_, i) => (
              <option key={i} value={i + 1}>
                {i + 1}日
              </option>
            ))}
          </select>
        </label>
        <label>
          机关层级
          <select
            aria-label={`${agency.name} 机关层级`}
            value={agency.level ?? ''}
            onChange={(e) => void update({ level: (e.target.value || null) as AgencyLevel | null }, '机关层级已更新，检查将按新层级进行')}
          >
            <option value="">自动（{inferred}）</option>
            {Object.entries(LEVELS).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </select>
        </label>
      </div>
      {askRename !== null && (
        <RenameDialog from={agency.name} to={askRename} finished={finished} onNo={() => setAskRename(null)}
          onYes={(choice) => {
            setAskRename(null);
            void update({ name: askRename, finished: choice },
              choice === 'keep' ? `机关名称已更正为“${askRename}”；已定稿、已发布的报告仍用原名称“${agency.name}”` : `机关名称已更正为“${askRename}”；已定稿的报告已改回草稿，请重新定稿后发布`);
          }} />
      )}
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
    </div>
  );
}
