/** Real archives in temp folders, driven through the real services. */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { Report } from '../../report';
import type { ApiInput, ApiOutput, Channel } from '../../report/api';
import { dispatch } from '../../main/api/dispatch';
import type { HandlerMap } from '../../main/api/handlers';
import { createArchiveServices, type ArchiveServicesOptions, type FilePorts } from '../../main/services';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

export function tempDir(prefix = 'nianbao-test-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}

export function sha(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** Dialog answers queued by the test; an empty queue means the user cancelled. */
export function fakePorts(): FilePorts & { saves: (string | null)[]; opens: (string | null)[] } {
  const ports = {
    saves: [] as (string | null)[],
    opens: [] as (string | null)[],
    chooseSavePath: async () => ports.saves.shift() ?? null,
    chooseOpenPath: async () => ports.opens.shift() ?? null,
  };
  return ports;
}

export function setup(options: Partial<ArchiveServicesOptions> = {}) {
  const dir = options.file ? join(options.file, '..') : tempDir();
  const file = options.file ?? join(dir, 'archive.sqlite');
  const backupsDir = options.backupsDir ?? join(dir, 'backups');
  const ports = fakePorts();
  const services = createArchiveServices({ file, backupsDir, ports, ...options });
  return { dir, file, backupsDir, ports, services, call: caller(services.handlers) };
}

/** Calls a channel through dispatch (validation included) and unwraps the result. */
export function caller(handlers: HandlerMap) {
  return async <C extends Channel>(channel: C, input: ApiInput<C>): Promise<ApiOutput<C>> => {
    const r = await dispatch(handlers, channel, input);
    if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
    return r.value;
  };
}

/** A report with a recognisable text and figure, for "is it there / is it logged" checks. */
export function edited(report: Report, marker: string, value: number): Report {
  const r = structuredClone(report);
  r.text.overview = `${r.text.overview}${marker}`;
  const firstRow = Object.keys(r.requests)[0]!;
  r.requests[firstRow]![0] = value;
  return r;
}
