/**
 * The drafted sentences shown before anything changes: per paragraph the new text and, when the
 * text already holds a paragraph drafted before, that paragraph beside it. The clerk chooses
 * 「插入到光标处」 or 「替换原表述」 (or all at once); nothing is written without that choice.
 */
import { DRAFT_KINDS, DRAFT_TITLES, findDrafted, placeDraft, type DraftKind, type Drafts } from '../../../report/trend';
import { Dialog } from '../ui/Dialog';

/** One paragraph to put into the text at a position (used when there is none drafted before). */
export interface Placement {
  kind: DraftKind;
  place: (text: string, cursor: number) => ReturnType<typeof placeDraft>;
}

export interface DraftDialogProps {
  text: string;
  drafts: Drafts;
  hasPrevious: boolean;
  cursorPlaced: boolean;
  onApply: (placements: Placement[], message: string) => void;
  onClose: () => void;
}

export function DraftDialog({ text, drafts, hasPrevious, cursorPlaced, onApply, onClose }: DraftDialogProps) {
  const found = new Map(findDrafted(text).map((s) => [s.kind, s]));
  const placement = (kind: DraftKind): Placement => ({ kind, place: (t, at) => placeDraft(t, kind, drafts[kind], at) });
  const pending = DRAFT_KINDS.filter((k) => found.get(k)?.text !== drafts[k]);
  const where = cursorPlaced ? '光标处' : '相应小标题之后';
  return (
    <Dialog title="生成统计表述" onClose={onClose} wide>
      <p className="muted small">
        以下文字按本报告表二、表三、表四{hasPrevious ? '及上年报告' : ''}生成，数量为0的项目不写。
        {hasPrevious ? '' : '档案中没有上年报告，不写与上年的比较。'}
        请先核对，再选择插入或替换；正文中其他文字不会改动。
      </p>
      {DRAFT_KINDS.map((kind) => {
        const old = found.get(kind);
        const same = old?.text === drafts[kind];
        return (
          <section key={kind} className="draft-item" aria-label={DRAFT_TITLES[kind]}>
            <h3>{DRAFT_TITLES[kind]}</h3>
            {old && !same && (
              <p className="draft-old">
                <span className="muted">正文中原先生成的这一段：</span>
                <del>{old.text}</del>
              </p>
            )}
            <p className="draft-new">{drafts[kind]}</p>
            <div className="actions">
              {same ? (
                <span className="muted">正文中已是这段文字</span>
              ) : old ? (
                <button type="button" onClick={() => onApply([placement(kind)], `已更新“${DRAFT_TITLES[kind]}”的统计表述`)}>
                  替换原表述
                </button>
              ) : (
                <button type="button" onClick={() => onApply([placement(kind)], `已将“${DRAFT_TITLES[kind]}”的统计表述插入${where}`)}>
                  插入到{where}
                </button>
              )}
            </div>
          </section>
        );
      })}
      <div className="actions">
        <button type="button" onClick={onClose}>
          取消
        </button>
        <button
          type="button"
          className="primary"
          disabled={!pending.length}
          onClick={() => onApply(pending.map(placement), `已写入${pending.length}段统计表述`)}
        >
          {found.size ? '全部插入或替换' : '全部插入'}
        </button>
      </div>
    </Dialog>
  );
}
