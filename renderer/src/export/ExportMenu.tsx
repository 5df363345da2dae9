/** The 导出 button and its small menu of the four kinds; arrows move in the menu, Esc closes it. */
import { useEffect, useId, useRef, useState } from 'react';
import type { ExportKind, GraphicKind, GraphicSize } from '../../../report/api';

/** 图解 (一图读懂): which file, and which size (an A4 page to print, a long image for the website and 微信). */
export type GraphicMenuKind = 'graphic-png' | 'graphic-pdf' | 'graphic-svg';
export const GRAPHIC_CHOICES: Record<GraphicMenuKind, { kind: GraphicKind; size: GraphicSize }> = {
  'graphic-png': { kind: 'png', size: 'long' },
  'graphic-pdf': { kind: 'pdf', size: 'a4' },
  'graphic-svg': { kind: 'svg', size: 'long' },
};

/** What the menu offers: the four files, printing (which makes no file of its own), the 图解, and 发布前自查. */
export type MenuKind = ExportKind | 'print' | GraphicMenuKind | 'selfcheck';

export const EXPORT_KINDS: { kind: MenuKind; label: string; note: string }[] = [
  { kind: 'docx', label: '导出 Word', note: '公文格式，可打印、报送' },
  { kind: 'xlsx', label: '导出 Excel', note: '三张表格，可再加工' },
  { kind: 'html', label: '复制到网站', note: '网页文件，发布到政府网站' },
  { kind: 'json', label: '导出数据', note: '完整数据，可在别的电脑导入' },
  { kind: 'print', label: '打印 / 另存为PDF', note: 'A4 公文版式；打印对话框中可另存为 PDF' },
  { kind: 'graphic-png', label: '图解 长图（PNG）', note: '一图读懂，1080像素宽，发布到网站和微信' },
  { kind: 'graphic-pdf', label: '图解 A4（PDF）', note: '一图读懂，一页A4，打印用' },
  { kind: 'graphic-svg', label: '图解 矢量图（SVG）', note: '一图读懂，可在绘图软件中再加工' },
  { kind: 'selfcheck', label: '发布前自查', note: '逐项列出考核时检查的内容，可打印' },
];

export function ExportMenu({ label, onPick, text = '导出' }: { label: string; onPick: (kind: MenuKind) => void; text?: string }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  const items = () => [...(box.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];

  useEffect(() => {
    if (!open) return;
    items()[0]?.focus();
    const away = (e: MouseEvent) => !box.current?.contains(e.target as Node) && setOpen(false);
    document.addEventListener('mousedown', away);
    return () => document.removeEventListener('mousedown', away);
  }, [open]);

  const close = () => {
    setOpen(false);
    box.current?.querySelector<HTMLElement>('button[aria-haspopup]')?.focus();
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (!open) return;
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'Escape') {
      e.stopPropagation();
      close();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      all[(at + (e.key === 'ArrowDown' ? 1 : all.length - 1)) % all.length]?.focus();
    } else if (e.key === 'Tab') setOpen(false);
    else return;
  };

  return (
    <div className="menu-wrap" ref={box} onKeyDown={onKeyDown}>
      <button type="button" aria-haspopup="menu" aria-expanded={open} aria-controls={open ? id : undefined} aria-label={label} onClick={() => setOpen((o) => !o)}>
        {text} ▾
      </button>
      {open && (
        <div className="menu" role="menu" id={id} aria-label={label}>
          {EXPORT_KINDS.map((k) => (
            <button key={k.kind} type="button" role="menuitem" tabIndex={-1} aria-label={k.label} title={k.note} onClick={() => (setOpen(false), onPick(k.kind))}>
              <span className="menu-label">{k.label}</span>
              <span className="menu-note">{k.note}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
