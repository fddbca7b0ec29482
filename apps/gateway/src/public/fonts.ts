import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { raw, type SafeHtml } from './html.js';

const require = createRequire(import.meta.url);
const pkgFile = require.resolve('@fontsource/sarabun/package.json');
/** The font package's version is part of each file's URL, so the files can be cached for a year (immutable). */
export const FONT_VERSION = (JSON.parse(fs.readFileSync(pkgFile, 'utf8')) as { version: string }).version;

const subsets = {
  thai: 'U+02D7,U+0303,U+0331,U+0E01-0E5B,U+200C-200D,U+25CC',
  latin:
    'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
};
const weights = [400, 700] as const;

export const fontPath = (file: string) => `/assets/fonts/${FONT_VERSION}/${file}`;
const fileName = (subset: string, weight: number) => `sarabun-${subset}-${weight}-normal.woff2`;

/** Sarabun (Thai and Latin, regular and bold) read once at boot: a few tens of kilobytes. */
export function loadFonts(): Map<string, Buffer> {
  const dir = path.join(path.dirname(pkgFile), 'files');
  const files = new Map<string, Buffer>();
  for (const subset of Object.keys(subsets)) {
    for (const w of weights) files.set(fileName(subset, w), fs.readFileSync(path.join(dir, fileName(subset, w))));
  }
  return files;
}

/** @font-face rules: the browser fetches only the subsets a page's text uses (unicode-range). */
export const fontFaces: SafeHtml = raw(
  Object.entries(subsets)
    .flatMap(([subset, range]) =>
      weights.map(
        (w) =>
          `@font-face{font-family:Sarabun;font-style:normal;font-display:swap;font-weight:${w};` +
          `src:url(${fontPath(fileName(subset, w))}) format('woff2');unicode-range:${range}}`,
      ),
    )
    .join(''),
);

/** The regular Thai face, preloaded on Thai pages. */
export const thaiFontPreload = fontPath(fileName('thai', 400));
