/** Serving the built renderer: files under one folder only, by their extension's type. */
import { readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
};

export interface StaticFile {
  body: Buffer;
  type: string;
}

/** The file a URL path names inside `root`, or null (missing, a folder, outside root, odd type). */
export function staticFile(root: string, urlPath: string): StaticFile | null {
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (rel.includes('\0')) return null;
  if (rel === '/' || rel === '') rel = '/index.html';
  const full = normalize(join(root, rel));
  if (!full.startsWith(normalize(root) + sep)) return null;
  const type = TYPES[extname(full).toLowerCase()];
  if (!type) return null;
  try {
    if (!statSync(full).isFile()) return null;
    return { body: readFileSync(full), type };
  } catch {
    return null;
  }
}

/** The Content-Security-Policy of index.html, sent as a header too (frame-ancestors only works there). */
export function cspOf(indexHtml: string): string {
  const m = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(indexHtml);
  if (!m?.[1]) throw new Error('index.html has no Content-Security-Policy');
  return m[1].replace(/\s+/g, ' ').trim();
}
