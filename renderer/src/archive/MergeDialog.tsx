/**
 * 合并到…: one agency's reports go to another (an import that created 「青石镇人民政府」 beside
 * 「示例县青石镇人民政府」). The plan is shown year by year; where both have a year the clerk picks
 * which content stays current — the other stays in that report's history, nothing is lost.
 */
import { useEffect, useState } from 'react';
import type { AgencyInfo, MergePlanItem } from '../../../report/api';
import { api } from '../api';
import { Dialog } from '../ui/Dialog';
import { timeLabel } from '../ui/format';

const STATUS = { draft: '草稿', final: '已定稿' } as const;

export function MergeDialog(props: { from: AgencyInfo; agencies: AgencyInfo[]; onDone: (message: string) => void; onClose: () => void }) {
  const targets = props.agencies.filter((a) => a.id !== props.from.id);
  const [into, setInto] = useState<number>(targets.find((a) => a.own)?.id ?? targets[0]?.id ?? 0);
  const [plan, setPlan] = useState<MergePlanItem[] | null>(null);
  const [decisions, setDecisions] = useState<Record<string, 'keep' | 'incoming'>>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const target = targets.find((a) => a.id === into);

  useEffect(() => {
    if (!into) return;
    setPlan(null);
    setDecisions({});
    void api.planAgencyMerge({ from: props.from.id, into }).then((r) => (r.ok ? setPlan(r.value) : setError(r.error.message)));
  }, [into, props.from.id]);

  const conflicts = plan?.filter((i) => i.action === 'conflict') ?? [];
  const undecided = conflicts.filter((i) => !decisions[String(i.year)]).length;
  const merge = async () => {
    setBusy(true);
    const r = await api.mergeAgency({ from: props.from.id, into, decisions });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    props.onDone(`已将“${props.from.name}”的报告合并到“${target?.name}”（移入${r.value.moved}份，合并${r.value.merged}份；未采用的内容保留在历史版本中）`);
  };

  return (
    <Dialog title={`合并机关：“${props.from.name}”`} onClose={props.onClose} wide>
      {targets.length === 0 ? (
        <p>档案中没有其他机关可以合并。</p>
      ) : (
        <>
          <label className="field">
            <span>合并到</span>
            <select data-autofocus value={into} onChange={(e) => setInto(Number(e.target.value))}>
              {targets.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                  {a.own ? '（本机关）' : ''}
                </option>
              ))}
            </select>
          </label>
          <p className="field-note">“{props.from.name}”的报告将归入“{target?.name}”，报告中的机关名称随之更正；“{props.from.name}”随后从档案中去掉。</p>
          {plan && (
            <table className="list plan">
              <thead>
                <tr>
                  <th scope="col">年度</th>
                  <th scope="col">处理</th>
                  <th scope="col">保留哪一份</th>
                </tr>
              </thead>
              <tbody>
                {plan.map((i) => (
                  <tr key={i.year} className={i.action === 'conflict' ? 'conflict' : undefined}>
                    <td>{i.year}年度</td>
                    <td>{i.action === 'move' ? '移入' : '两边都有'}</td>
                    <td>
                      {i.action === 'move' ? (
                        '—'
                      ) : (
                        <fieldset className="plan-choice">
                          <legend className="visually-hidden">{i.year}年度保留哪一份</legend>
                          <label>
                            <input type="radio" name={`y${i.year}`} checked={decisions[String(i.year)] === 'keep'} onChange={() => setDecisions((d) => ({ ...d, [String(i.year)]: 'keep' }))} />
                            “{target?.name}”原有的（{STATUS[i.intoStatus ?? 'draft']}，{i.intoUpdatedAt ? timeLabel(i.intoUpdatedAt) : ''}）
                          </label>
                          <label>
                            <input type="radio" name={`y${i.year}`} checked={decisions[String(i.year)] === 'incoming'} onChange={() => setDecisions((d) => ({ ...d, [String(i.year)]: 'incoming' }))} />
                            “{props.from.name}”的（{STATUS[i.fromStatus]}，{timeLabel(i.fromUpdatedAt)}）
                          </label>
                        </fieldset>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      {error && <p role="alert" className="error-text">{error}</p>}
      <div className="actions">
        {undecided > 0 && <span className="why">还有{undecided}个年度两边都有报告，请选择保留哪一份（另一份保留在历史版本中）。</span>}
        <button type="button" onClick={props.onClose}>
          取消
        </button>
        <button type="button" className="primary" disabled={!plan || undecided > 0 || busy || !into} onClick={() => void merge()}>
          合并
        </button>
      </div>
    </Dialog>
  );
}
