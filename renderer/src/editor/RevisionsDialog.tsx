/** Earlier versions of the report: what each changed against now, and restoring one. */
import { useEffect, useState } from 'react';
import type { RevisionInfo } from '../../../report/api';
import type { Report } from '../../../report/types';
import { partTitle } from '../../../report/checks/text';
import { REVISION_REASON_LABELS } from '../../../report/lists';
import { api } from '../api';
import { diffReports } from '../model/diff';
import { Dialog } from '../ui/Dialog';
import { timeLabelSeconds } from '../ui/format';

const REASONS: Record<string, string> = REVISION_REASON_LABELS;

/** `initial`: a revision to compare at once (the one that kept a stale editor's content). */
export function RevisionsDialog(props: { reportId: number; current: Report; initial?: number; onRestore: (revisionId: number, label: string) => void; onClose: () => void }) {
  const [list, setList] = useState<RevisionInfo[] | null>(null);
  const [error, setError] = useState('');
  const [shown, setShown] = useState<{ id: number; body: Report } | null>(null);
  const show = async (id: number) => {
    const r = await api.getRevision({ id: props.reportId, revisionId: id });
    if (r.ok) setShown({ id, body: r.value });
    else setError(r.error.message);
  };
  useEffect(() => {
    void api.listRevisions({ id: props.reportId }).then((r) => (r.ok ? setList(r.value) : setError(r.error.message)));
    if (props.initial) void show(props.initial);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.reportId, props.initial]);
  // The report's own state is its newest revision that is not a kept conflict.
  const currentId = list?.find((v) => v.reason !== 'conflict')?.id;
  const diff = shown ? diffReports(props.current, shown.body) : null;

  return (
    <Dialog title="历史版本" onClose={props.onClose} wide>
      <p className="muted">每次保存都会记入历史；5分钟内的连续修改合并为一个版本。恢复某个版本时，当前内容仍保留在历史中。</p>
      {error && <p role="alert" className="error-text">{error}</p>}
      {!list ? (
        <p>正在读取…</p>
      ) : (
        <div className="revisions">
          <table className="list">
            <thead>
              <tr>
                <th scope="col">版本</th>
                <th scope="col">保存时间</th>
                <th scope="col">方式</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {list.map((v) => {
                const time = timeLabelSeconds(v.updatedAt);
                // The number the history's own notes use (「恢复自版本 2」).
                const label = `版本 ${v.number}（${time}）`;
                return (
                  <tr key={v.id} className={shown?.id === v.id ? 'current' : undefined}>
                    <td>版本 {v.number}</td>
                    <td>{time}</td>
                    <td>
                      {REASONS[v.reason] ?? v.reason}
                      {v.note && `（${v.note}）`}
                      {v.id === currentId && '（当前）'}
                    </td>
                    <td>
                      <div className="row-actions">
                      <button type="button" onClick={() => void show(v.id)} aria-label={`查看${label}与当前的差异`}>
                        查看差异
                      </button>
                      {v.id !== currentId && (
                        <button type="button" onClick={() => props.onRestore(v.id, label)} aria-label={`恢复${label}`}>
                          恢复此版本
                        </button>
                      )}
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {diff && (
            <div className="diff" aria-live="polite">
              {diff.cells.length === 0 && diff.texts.length === 0 ? (
                <p>这个版本与当前内容相同。</p>
              ) : (
                <>
                  <p>与当前内容相比，版本 {list.find((v) => v.id === shown!.id)?.number}：</p>
                  {diff.texts.map((t) => (
                    <div key={t}>
                      <p>“{partTitle(props.current, t)}”文字不同：</p>
                      <div className="diff-text">
                        <div>
                          <p className="muted small">当前</p>
                          <pre className="old">{props.current.text[t]}</pre>
                        </div>
                        <div>
                          <p className="muted small">版本 {list.find((v) => v.id === shown!.id)?.number}</p>
                          <pre className="new">{shown!.body.text[t]}</pre>
                        </div>
                      </div>
                    </div>
                  ))}
                  <ul>
                    {diff.cells.slice(0, 40).map((c) => (
                      <li key={c.path}>
                        {c.name}：当前 {c.before} → 此版本 {c.after}
                      </li>
                    ))}
                    {diff.cells.length > 40 && <li>另有{diff.cells.length - 40}个单元格不同</li>}
                  </ul>
                </>
              )}
            </div>
          )}
        </div>
      )}
      <div className="actions">
        <button type="button" onClick={props.onClose}>
          关闭
        </button>
      </div>
    </Dialog>
  );
}
