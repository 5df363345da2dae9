/** Whether the programs that make a holdout corpus are on this machine (CI has them; a bare one may not). */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const hasTool = (cmd: string): boolean => {
  try {
    execFileSync('which', [cmd], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

export const hasChromium = (): boolean => existsSync('/usr/bin/chromium');
