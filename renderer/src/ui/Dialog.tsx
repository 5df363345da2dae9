/** A modal dialog: labelled, focus moved in and given back, Tab kept inside, Esc closes. */
import { useEffect, useId, useRef, type ReactNode } from 'react';

const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex="0"]';

export function Dialog({ title, onClose, children, wide, large }: { title: string; onClose: () => void; children: ReactNode; wide?: boolean; large?: boolean }) {
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    const first = box.current?.querySelector<HTMLElement>('[data-autofocus]') ?? box.current?.querySelector<HTMLElement>(FOCUSABLE);
    first?.focus();
    // A prefilled field (the agency name, the next year) is selected, so typing replaces it.
    if (first instanceof HTMLInputElement) first.select();
    return () => before?.focus?.();
  }, []);
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
    } else if (e.key === 'Tab' && box.current) {
      const all = [...box.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
      const first = all[0];
      const last = all[all.length - 1];
      if (e.shiftKey && document.activeElement === first) {
        e.preventDefault();
        last?.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first?.focus();
    // A prefilled field (the agency name, the next year) is selected, so typing replaces it.
    if (first instanceof HTMLInputElement) first.select();
      }
    }
  };
  return (
    <div className="backdrop">
      <div ref={box} className={large ? 'dialog large' : wide ? 'dialog wide' : 'dialog'} role="dialog" aria-modal="true" aria-labelledby={id} onKeyDown={onKeyDown}>
        <h2 id={id}>{title}</h2>
        {children}
      </div>
    </div>
  );
}
