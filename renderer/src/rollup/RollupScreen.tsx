/**
 * 汇总: the county office's screen. Pick or start a collection (汇总单位 and year), then 收取报告,
 * 收齐情况 (the board), 检查, 退回 and the 汇总表 with each cell's contributions, and the exports.
 */
import { useCallback, useEffect, useState } from 'react';
import type { RollupExportKind, RollupView, RosterInfo } from '../../../report/rollup/view';
import type { UnitStatus } from '../../../report/rollup/types';
import type { BoardRow } from '../../../report/rollup/view';
import { collectionStatus, missingPhrase, owed, owedPhrase, passable } from '../../../report/rollup/status';
import { api } from '../api';
import { Dialog } from '../ui/Dialog';
import { Board, type BoardActions, type BoardFilter } from './Board';
import { ChecksList } from './ChecksList';
import { IntakeDialog } from './IntakeDialog';
import { delivered, rollupHash } from './labels';
import { RollupTables } from './RollupTables';
import { RosterDialog } from './RosterDialog';
import { SendBackDialog } from './SendBackDialog';
import './rollup.css';
import { VerifyDialog } from '../verify/VerifyDialog';

type Tab = 'board' | 'checks' | 'tables';
type Modal = { kind: 'intake' } | { kind: 'roster' } | { kind: 'exclude'; row: BoardRow } | { kind: 'sendback'; row: BoardRow } | { kind: 'acceptAll' } | null;

const EXPORTS: { kind: Exclude<RollupExportKind, 'sendback'>; label: string }[] = [
  { kind: 'docx', label: '汇总表（Word）' },
  { kind: 'xlsx', label: '汇总表（Excel）' },
  { kind: 'detail', label: '分单位明细（Excel）' },
  { kind: 'issues', label: '问题清单（Excel）' },
  { kind: 'board', label: '收齐情况（Excel）' },
];

export function RollupScreen(props: { at: { organ: string; year: number } | null; readonly: string | null; onOpen: (id: number) => void; onBack: () => void }) {
  const { at, readonly } = props;
  const [view, setView] = useState<RollupView | null>(null);
  const [tab, setTab] = useState<Tab>('board');
  const [modal, setModal] = useState<Modal>(null);
  const [notice, setNotice] = useState<{ text: string; error?: boolean } | null>(null);
  const [reason, setReason] = useState('');
  const [filter, setFilter] = useState<BoardFilter>('all');
  /** 核对已发布 of one unit's report (issue 23 #1). */
  const [verifying, setVerifying] = useState<BoardRow | null>(null);

  const load = useCallback(async () => {
    if (!at) return setView(null);
    const r = await api.rollupView(at);
    if (r.ok) setView(r.value);
    else setNotice({ text: r.error.message, error: true });
  }, [at?.organ, at?.year]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    document.title = '汇总 — 政府信息公开年报助手';
    void load();
  }, [load]);

  if (!at) return <RollupStart readonly={readonly} onBack={props.onBack} />;
  const fail = (text: string) => setNotice({ text, error: true });
  const exportAs = async (kind: RollupExportKind, agency?: string) => {
    const r = await api.rollupExport({ organ: at.organ, year: at.year, kind, ...(agency ? { agency } : {}) });
    if (!r.ok) return fail(r.error.message);
    const said = delivered(r.value);
    if (said) setNotice({ text: said });
  };
  const update = async (row: BoardRow, status: UnitStatus, why = '', deadline = '') => {
    const r = await api.rollupUpdateUnit({ organ: at.organ, year: at.year, agency: row.agency, status, ...(why ? { reason: why } : {}), ...(deadline ? { deadline } : {}) });
    if (!r.ok) return fail(r.error.message);
    setView(r.value);
    return true;
  };
  const acceptAll = async () => {
    const n = view ? passable(view).length : 0;
    const r = await api.rollupAcceptAll({ organ: at.organ, year: at.year });
    setModal(null);
    if (!r.ok) return fail(r.error.message);
    setView(r.value);
    setNotice({ text: `已通过 ${n} 个单位的报告` });
  };
  const actions: BoardActions = {
    open: (row) => row.reportId !== null && props.onOpen(row.reportId),
    setStatus: (row, status) => void update(row, status),
    exclude: (row) => (setReason(''), setModal({ kind: 'exclude', row })),
    sendBack: (row) => setModal({ kind: 'sendback', row }),
    verify: (row) => setVerifying(row),
    remove: async (row) => {
      const r = await api.rollupRemoveUnit({ organ: at.organ, year: at.year, agency: row.agency });
      if (!r.ok) return fail(r.error.message);
      setView(r.value);
      setNotice({ text: `已把“${row.agency}”移出名单` });
    },
  };
  const ro = readonly !== null;
  return (
    <div className="screen">
      <header className="topbar">
        <h1>政府信息公开年报助手</h1>
        <button type="button" className="link" style={{ color: '#fff' }} onClick={props.onBack}>
          档案
        </button>
        <span className="crumb">› 汇总 › {at.organ} {at.year}年度</span>
        <div className="spacer" />
        <button type="button" className="primary" disabled={ro} title={readonly ?? undefined} onClick={() => setModal({ kind: 'intake' })}>
          收取报告
        </button>
        <button type="button" disabled={ro} onClick={() => setModal({ kind: 'roster' })}>
          统计范围
        </button>
        <select aria-label="导出" value="" onChange={(e) => e.target.value && void exportAs(e.target.value as RollupExportKind)}>
          <option value="">导出…</option>
          {EXPORTS.map((x) => (
            <option key={x.kind} value={x.kind}>
              {x.label}
            </option>
          ))}
        </select>
      </header>
      <main className="archive rollup" id="main">
        {notice && (
          <div className={notice.error ? 'notice error' : 'notice'} role={notice.error ? 'alert' : 'status'}>
            <span>{notice.text}</span>
            <button type="button" className="link" onClick={() => setNotice(null)}>
              知道了
            </button>
          </div>
        )}
        {view && (
          <>
            <p className={view.complete ? 'rollup-summary done' : 'rollup-summary'}>
              {collectionStatus(view)}
              {missingPhrase(view, 8) && <span className="muted">　{missingPhrase(view, 8)}</span>}
            </p>
            {owedPhrase(view) && (
              <p className="rollup-owed" aria-label={owedPhrase(view)}>
                <span>尚待：</span>
                {(
                  [
                    ['pending', owed(view).pending, '未交', '个单位'],
                    ['returned', owed(view).returned, '已退回待改正', '个'],
                    ['received', owed(view).review, '待审核', '个'],
                  ] as const
                )
                  .filter(([, n]) => n > 0)
                  .map(([key, n, label, unit]) => (
                    <button key={key} type="button" className="link" onClick={() => (setTab('board'), setFilter(key))}>
                      {label} {n} {unit}
                    </button>
                  ))}
                {passable(view).length > 0 && (
                  <button type="button" className="primary" disabled={ro} onClick={() => setModal({ kind: 'acceptAll' })}>
                    全部通过（无错误的 {passable(view).length} 个单位）
                  </button>
                )}
              </p>
            )}
            <div className="tabs" role="tablist">
              {(
                [
                  ['board', '收齐情况'],
                  ['checks', `检查（${view.findings.filter((f) => f.severity === 'error').length}个错误）`],
                  ['tables', '汇总表'],
                ] as const
              ).map(([k, label]) => (
                <button key={k} type="button" role="tab" aria-selected={tab === k} className={tab === k ? 'on' : ''} onClick={() => setTab(k)}>
                  {label}
                </button>
              ))}
            </div>
            {tab === 'board' && <Board view={view} actions={actions} readonly={ro} filter={filter} onFilter={setFilter} />}
            {tab === 'checks' && (
              <ChecksList view={view} onOpen={(a) => actions.open(view.units.find((u) => u.agency === a)!)} onAccept={ro ? null : (a) => actions.setStatus(view.units.find((u) => u.agency === a)!, 'accepted')} />
            )}
            {tab === 'tables' && <RollupTables view={view} />}
          </>
        )}
      </main>
      {verifying?.reportId != null && view && (
        <VerifyDialog target={{ id: verifying.reportId, agency: verifying.agency, year: view.year, format: view.format }} onClose={() => setVerifying(null)} onVerified={() => void load()} />
      )}
      {modal?.kind === 'intake' && view && <IntakeDialog view={view} onChanged={() => void load()} onClose={() => (setModal(null), void load())} />}
      {modal?.kind === 'roster' && view && <RosterDialog view={view} onChanged={(v, text) => (setView(v), setNotice({ text }))} onClose={() => setModal(null)} />}
      {modal?.kind === 'exclude' && (
        <Dialog title={`不纳入：${modal.row.agency}`} onClose={() => setModal(null)}>
          <label className="field">
            <span>原因</span>
            <input value={reason} onChange={(e) => setReason(e.target.value)} placeholder="如：已撤并入东城镇" data-autofocus />
          </label>
          <div className="actions">
            <button type="button" onClick={() => setModal(null)}>
              取消
            </button>
            <button type="button" className="primary" disabled={!reason.trim()} onClick={() => void update(modal.row, 'excluded', reason.trim()).then((ok) => ok && setModal(null))}>
              不纳入汇总
            </button>
          </div>
        </Dialog>
      )}
      {modal?.kind === 'sendback' && (
        <SendBackDialog
          row={modal.row}
          onClose={() => setModal(null)}
          onSend={(remark, deadline) =>
            void update(modal.row, 'returned', remark, deadline).then(async (ok) => {
              if (!ok) return;
              setModal(null);
              await exportAs('sendback', modal.row.agency);
            })
          }
        />
      )}
      {modal?.kind === 'acceptAll' && view && (
        <Dialog title="全部通过" onClose={() => setModal(null)}>
          <p>把没有错误、尚待审核的 {passable(view).length} 个单位的报告全部标为“已通过”：</p>
          <p className="muted small">{passable(view).map((u) => u.agency).join('、')}</p>
          <div className="actions">
            <button type="button" onClick={() => setModal(null)}>
              取消
            </button>
            <button type="button" className="primary" onClick={() => void acceptAll()}>
              确认全部通过
            </button>
          </div>
        </Dialog>
      )}
    </div>
  );
}

/** No collection chosen yet: the rosters in the archive, and a new one. */
function RollupStart({ readonly, onBack }: { readonly: string | null; onBack: () => void }) {
  const [rosters, setRosters] = useState<RosterInfo[]>([]);
  const [organ, setOrgan] = useState('');
  const [year, setYear] = useState(String(new Date().getFullYear() - 1));
  const [error, setError] = useState('');
  useEffect(() => {
    document.title = '汇总 — 政府信息公开年报助手';
    void api.rollupRosters({}).then((r) => r.ok && setRosters(r.value));
  }, []);
  const go = (o: string, y: number) => (location.hash = rollupHash(o, y));
  const start = async () => {
    if (!/^\d{4}$/.test(year)) return setError('年度应为四位数，如 2024');
    if (!organ.trim()) return setError('请填写汇总单位，如“某某县人民政府”');
    const r = await api.rollupAddUnits({ organ: organ.trim(), year: Number(year), names: [organ.trim()], level: 'self' });
    if (!r.ok) return setError(r.error.message);
    go(organ.trim(), Number(year));
  };
  return (
    <div className="screen">
      <header className="topbar">
        <h1>政府信息公开年报助手</h1>
        <button type="button" className="link" style={{ color: '#fff' }} onClick={onBack}>
          档案
        </button>
        <span className="crumb">› 汇总</span>
      </header>
      <main className="archive rollup" id="main">
        <section className="agency">
          <h2>汇总下级单位的年度报告</h2>
          <p className="muted">收取各乡镇（街道）、部门报送的年度报告，检查、退回有问题的报告，汇总本行政区域的数据。</p>
          <div className="inline-form">
            <input aria-label="汇总单位" placeholder="汇总单位，如 某某县人民政府" value={organ} onChange={(e) => setOrgan(e.target.value)} />
            <input aria-label="年度" style={{ width: '6em' }} value={year} onChange={(e) => setYear(e.target.value)} />
            <button type="button" className="primary" disabled={readonly !== null} onClick={() => void start()}>
              开始汇总
            </button>
          </div>
          {error && <p className="error-text" role="alert">{error}</p>}
        </section>
        {rosters.length > 0 && (
          <table className="list">
            <thead>
              <tr>
                <th scope="col">汇总单位</th>
                <th scope="col">年度</th>
                <th scope="col">单位数</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {rosters.map((r) => (
                <tr key={`${r.organ}|${r.year}`}>
                  <td>{r.organ}</td>
                  <td>{r.year}年度</td>
                  <td className="num">{r.units}</td>
                  <td>
                    <button type="button" onClick={() => go(r.organ, r.year)}>
                      打开
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </main>
    </div>
  );
}
