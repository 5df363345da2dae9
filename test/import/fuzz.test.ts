/**
 * Mutated fixtures (truncated, bytes flipped, lines shuffled, cells duplicated, digits inserted),
 * a few hundred cases from a seeded generator: every parser either reads something or refuses with
 * an ImportError, never crashes or hangs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ImportError, importFile, importText } from '../../main/import';
import { getCell } from '../../report/cells';
import { layoutOf } from '../../report/layout';
import { loadReport, PUBLISHED, renderReport, SHARED } from './helpers';

/** mulberry32: small, seeded, reproducible. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Mutate = (b: Buffer, rnd: () => number) => Buffer;
const pick = <T>(xs: readonly T[], rnd: () => number): T => xs[Math.floor(rnd() * xs.length)]!;

const TEXT_MUTATIONS: Record<string, Mutate> = {
  truncate: (b, rnd) => b.subarray(0, Math.floor(rnd() * b.length)),
  flipBytes: (b, rnd) => {
    const c = Buffer.from(b);
    for (let i = 0; i < 1 + rnd() * 40; i++) c[Math.floor(rnd() * c.length)] = Math.floor(rnd() * 256);
    return c;
  },
  shuffleLines: (b, rnd) => {
    const lines = b.toString('utf8').split('\n');
    for (let i = 0; i < lines.length / 4; i++) {
      const x = Math.floor(rnd() * lines.length);
      const y = Math.floor(rnd() * lines.length);
      [lines[x], lines[y]] = [lines[y]!, lines[x]!];
    }
    return Buffer.from(lines.join('\n'));
  },
  duplicateCells: (b, rnd) => {
    const parts = b.toString('utf8').split(/(?=[|\t\n])/);
    for (let i = 0; i < 1 + rnd() * 20; i++) {
      const k = Math.floor(rnd() * parts.length);
      parts.splice(k, 0, parts[k]!);
    }
    return Buffer.from(parts.join(''));
  },
  glueDigits: (b, rnd) => Buffer.from(b.toString('utf8').replace(/ ?\| ?(?=\d)/g, () => (rnd() < 0.5 ? '' : ' | '))),
  insertDigits: (b, rnd) => {
    const s = b.toString('utf8');
    const at = Math.floor(rnd() * s.length);
    return Buffer.from(s.slice(0, at) + String(Math.floor(rnd() * 1e9)) + s.slice(at));
  },
};

const BINARY_MUTATIONS: Record<string, Mutate> = {
  truncate: TEXT_MUTATIONS.truncate!,
  flipBytes: TEXT_MUTATIONS.flipBytes!,
  zeroRange: (b, rnd) => {
    const c = Buffer.from(b);
    const at = Math.floor(rnd() * c.length);
    c.fill(0, at, Math.min(c.length, at + Math.floor(rnd() * 2000)));
    return c;
  },
};

const PER_CASE_MS = 3000;

async function survives(name: string, data: Buffer): Promise<'read' | 'refused'> {
  const t0 = performance.now();
  try {
    const r = await importFile(name, data);
    // Whatever was read is a well-formed result: every cell of the layout present and typed.
    for (const c of layoutOf(r.report.format).cells) {
      const v = getCell(r.report, c.path);
      expect(typeof v === 'number' || typeof v === 'string', c.path).toBe(true);
    }
    return 'read';
  } catch (e) {
    if (!(e instanceof ImportError)) throw new Error(`${name}: ${String((e as Error)?.stack ?? e)}`);
    return 'refused';
  } finally {
    expect(performance.now() - t0, name).toBeLessThan(PER_CASE_MS);
  }
}

const qingshi = loadReport(`${SHARED}/reports/qingshi-2024.json`);

describe('fuzz', () => {
  const textFixtures = ['akto-muztagh-2022.txt', 'alemale-2023.txt', 'dajin-2024.txt', 'pingtan-2022.txt', 'wenquan-2020.txt', 'shanghai-office-2019.html'];

  it('text and HTML fixtures: 240 mutated copies', async () => {
    const rnd = prng(20240131);
    const outcome = { read: 0, refused: 0 };
    for (let i = 0; i < 240; i++) {
      const file = pick(textFixtures, rnd);
      const [kind, m] = pick(Object.entries(TEXT_MUTATIONS), rnd);
      outcome[await survives(`${kind}-${i}-${file}`, m(readFileSync(join(PUBLISHED, file)), rnd))]++;
    }
    expect(outcome.read).toBeGreaterThan(50);
  });

  it('pasted text: 60 mutated glued (PDF-like) copies', () => {
    const rnd = prng(7);
    const base = Buffer.from(renderReport(qingshi, 'glued'));
    for (let i = 0; i < 60; i++) {
      const [, m] = pick(Object.entries(TEXT_MUTATIONS), rnd);
      const t0 = performance.now();
      try {
        importText(m(base, rnd).toString('utf8'));
      } catch (e) {
        if (!(e instanceof ImportError)) throw e;
      }
      expect(performance.now() - t0).toBeLessThan(PER_CASE_MS);
    }
  });

  it('.xlsx, .docx and .json: 120 mutated files', async () => {
    const rnd = prng(42);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表三');
    renderReport(qingshi, 'tabs').split('\n').forEach((l, r) => l.split('\t').forEach((v, c) => (ws.getCell(r + 1, c + 1).value = /^\d+$/.test(v) ? Number(v) : v)));
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const json = Buffer.from(JSON.stringify(qingshi));
    const lines = renderReport(qingshi, 'tabs').split('\n');
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: lines.map((l) =>
      l.includes('\t') ? new Table({ rows: [new TableRow({ children: l.split('\t').map((c) => new TableCell({ children: [new Paragraph(c)] })) })] }) : new Paragraph(l)) }] }));
    const files = { xlsx, json, docx } as const;
    for (const [ext, data] of Object.entries(files)) expect(await survives(`base.${ext}`, data)).toBe('read');
    for (let i = 0; i < 120; i++) {
      const [kind, m] = pick(Object.entries(BINARY_MUTATIONS), rnd);
      const ext = pick(['xlsx', 'docx', 'json'] as const, rnd);
      await survives(`${kind}-${i}.${ext}`, m(files[ext], rnd));
    }
  });
});
