import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface StudioFile {
  body: Buffer;
  gzip: Buffer | null;
  type: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt']);

/**
 * The studio's built files (apps/studio/dist), read once at boot with their gzip forms: about a megabyte. An
 * empty map when the studio was not built; the routes then say so.
 */
export function loadStudioFiles(dir: string): Map<string, StudioFile> {
  const files = new Map<string, StudioFile>();
  if (!fs.existsSync(path.join(dir, 'index.html'))) return files;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    const ext = path.extname(entry.name);
    const body = fs.readFileSync(full);
    const gzip = COMPRESSIBLE.has(ext) ? gzipSync(body) : null;
    files.set(path.relative(dir, full).split(path.sep).join('/'), {
      body,
      gzip,
      type: TYPES[ext] ?? 'application/octet-stream',
    });
  }
  return files;
}
