/**
 * 导入档案, the check before anything is written: every report of the file against this PC's
 * archive. New ones are added, identical ones skipped; for each conflict the clerk chooses, and
 * the safe choice (保留本机) is the default, so pressing 导入 without reading loses nothing.
 */
import { useState, type ReactNode } from 'react';
import type { ArchiveImportPreview, ImportPlanItem } from '../../../report/api';
import { timeLabel } from '../ui/format';

type Choice = 'keep' | 'incoming';

const ACTION_LABEL: Record<ImportPlanItem['action'], string> = { add: '新增', identical: '相同', conflict: '冲突' };

const when = (iso: string | null, deleted: boolean, newer: boolean) => (iso ? `${timeLabel(iso)}${newer ? '（较新）' : ''}${deleted ? '（在回收站中）' : ''}` : '—');

/** Which side of a conflict was saved later: the clerk's best clue to which one to keep. ISO times sort as text. */
const newer = (i: ImportPlanItem) => (i.action !== 'conflict' || !i.existingUpdatedAt || i.incomingUpdatedAt === i.existingUpdatedAt ? null : i.incomingUpdatedAt > i.existingUpdatedAt ? 'incoming' : 'existing');

export function ImportPlan(p: { preview: ArchiveImportPreview; busy: boolean; footer: ReactNode; onApply: (decisions: Record<string, Choice>) => void; onBack: () => void }) {
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const items = p.preview.items;
  const count = (a: ImportPlanItem['action']) => items.filter((i) => i.action === a).length;
  // Every conflict is sent with its choice, so main never has to guess what an absent key means.
  const decisions = () => Object.fromEntries(items.filter((i) => i.action === 'conflict').map((i) => [i.key, choices[i.key] ?? 'keep'])) as Record<string, Choice>;
  const taken = items.filter((i) => i.action === 'conflict' && choices[i.key] === 'incoming').length;

  return (
    <div className="import-plan">
      <p className="preview-head">
        文件“{p.preview.fileName}”（导出于{timeLabel(p.preview.exportedAt)}）中有{items.length}份报告：新增{count('add')}份，与本机相同{count('identical')}份，
        <strong className={count('conflict') ? 'error-text' : undefined}>冲突{count('conflict')}份</strong>。
      </p>
      {count('conflict') > 0 && <p className="muted small">冲突：本机和导入文件中都有这份报告，但内容不同。默认保留本机的内容；选“采用导入”时，本机原来的内容仍保留在该报告的历史版本中。</p>}
      <div className="plan-scroll">
        <table className="list plan">
          <thead>
            <tr>
              <th scope="col">机关</th>
              <th scope="col">年度</th>
              <th scope="col">情况</th>
              <th scope="col">导入文件中的修改时间</th>
              <th scope="col">本机的修改时间</th>
              <th scope="col">处理</th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={i.key} className={i.action}>
                <td>{i.agency}</td>
                <td>{i.year}年度</td>
                <td>
                  <span className={`plan-action ${i.action}`}>{ACTION_LABEL[i.action]}</span>
                </td>
                <td>{when(i.incomingUpdatedAt, i.incomingDeleted, newer(i) === 'incoming')}</td>
                <td>{when(i.existingUpdatedAt, i.existingDeleted, newer(i) === 'existing')}</td>
                <td>
                  {i.action === 'conflict' ? (
                    <fieldset className="plan-choice" aria-label={`${i.agency}${i.year}年度 怎样处理`}>
                      {(['keep', 'incoming'] as const).map((c) => (
                        <label key={c}>
                          <input type="radio" name={`plan-${i.key}`} checked={(choices[i.key] ?? 'keep') === c} onChange={() => setChoices({ ...choices, [i.key]: c })} />
                          {c === 'keep' ? '保留本机' : '采用导入'}
                        </label>
                      ))}
                    </fieldset>
                  ) : i.action === 'add' ? (
                    `将加入档案${i.revisions ? `（含${i.revisions}个历史版本）` : ''}`
                  ) : (
                    '无需导入'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="actions sticky-actions">
        {p.footer}
        <span className="grow muted small">
          导入前会先自动备份本机档案。
          {count('add') + taken === 0 ? '本次不会改变档案：没有新增的报告，冲突的都保留本机。' : taken ? `将用导入的内容替换${taken}份本机报告。` : ''}
        </span>
        <button type="button" disabled={p.busy} onClick={p.onBack}>
          返回
        </button>
        <button type="button" className="primary" disabled={p.busy} onClick={() => p.onApply(decisions())}>
          导入
        </button>
      </div>
    </div>
  );
}
