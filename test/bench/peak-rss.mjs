// Peak resident memory of this process, in KB. On Linux from /proc/self/status (VmHWM): the high-water
// mark of this program's own memory. process.resourceUsage().maxRSS is not used there because a child
// spawned by a large process (the bench runner after Chromium and LibreOffice runs) keeps the parent's
// pre-exec peak in ru_maxrss: every child then "peaked" at the runner's size (seen: 222 MB for a
// 130 MB import). Elsewhere maxRSS is the only figure there is.
import { readFileSync } from 'node:fs';

export function peakRssKb() {
  try {
    const m = /^VmHWM:\s+(\d+)\s*kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]);
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS;
}
