/**
 * Messages fade (issue 15 #5): a message without an action goes after a few seconds, an error
 * after a little longer; one that carries an action (撤销, 打开所在文件夹) stays until used or closed.
 */
import { useEffect } from 'react';

export const FADE_MS = 6000;
export const FADE_ERROR_MS = 12000;

export function useFade<T>(value: T | null, clear: () => void, o: { keep?: (v: T) => boolean; error?: (v: T) => boolean } = {}): void {
  useEffect(() => {
    if (value === null || o.keep?.(value)) return;
    const t = window.setTimeout(clear, o.error?.(value) ? FADE_ERROR_MS : FADE_MS);
    return () => window.clearTimeout(t);
    // The timer restarts for each new message only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
}
