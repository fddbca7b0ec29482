#!/usr/bin/env node
// Schemathesis (the OpenAPI fuzzer the API tests run) in a Python virtual environment cached outside the clone, next
// to the server binaries: installed from PyPI the first time, reused afterwards. Prints the path of `st` last.
//
//   node scripts/schemathesis.mjs
import { ensureVenvTool } from './python-venv.mjs';

/** Pinned: change it here only, the cache key follows. */
const VERSION = '4.32.5';
const log = (msg) => process.stderr.write(`[schemathesis] ${msg}\n`);

try {
  const st = await ensureVenvTool({
    name: `schemathesis-${VERSION}`,
    requirements: [`schemathesis==${VERSION}`],
    bin: 'st',
    log,
  });
  process.stdout.write(`${st}\n`);
} catch (err) {
  log(err.message);
  process.exit(1);
}
