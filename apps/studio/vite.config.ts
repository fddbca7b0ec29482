import fs from 'node:fs';
import { createRequire } from 'node:module';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const require = createRequire(import.meta.url);

/**
 * Sarabun as the gateway already serves it (/assets/fonts/<version>/…, cached for a year): the studio ships no font
 * files of its own. The version in the URL is the installed package's, the same one the gateway reads.
 */
function sarabunFromGateway(): Plugin {
  const id = 'virtual:sarabun.css';
  const pkg = JSON.parse(fs.readFileSync(require.resolve('@fontsource/sarabun/package.json'), 'utf8')) as {
    version: string;
  };
  const ranges = {
    thai: 'U+02D7,U+0303,U+0331,U+0E01-0E5B,U+200C-200D,U+25CC',
    latin: 'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+2000-206F,U+20AC,U+2122,U+2212,U+FEFF',
  };
  const css = Object.entries(ranges)
    .flatMap(([subset, range]) =>
      [400, 700].map(
        (w) =>
          `@font-face{font-family:Sarabun;font-style:normal;font-display:swap;font-weight:${w};` +
          `src:url(/assets/fonts/${pkg.version}/sarabun-${subset}-${w}-normal.woff2) format('woff2');unicode-range:${range}}`,
      ),
    )
    .join('\n');
  return {
    name: 'khao-sarabun',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load: (resolved) => (resolved === `\0${id}` ? css : undefined),
  };
}

// `npm run dev:studio` proxies the API (and the fonts) to a running platform.
const target = process.env.KHAO_API_URL ?? `http://127.0.0.1:${process.env.HTTP_PORT ?? '3000'}`;

export default defineConfig({
  base: '/studio/',
  plugins: [react(), sarabunFromGateway()],
  server: {
    port: Number(process.env.STUDIO_DEV_PORT ?? 5173),
    strictPort: true,
    proxy: { '/api': target, '/assets/fonts': target },
  },
  build: {
    outDir: 'dist',
    // The chunk graph, for the size bench (bench/studio.mjs); the gateway serves only index.html and assets/.
    manifest: true,
    emptyOutDir: true,
    // The gateway adds no inline scripts and the CSP allows none: keep every module in a file.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 600,
  },
});
