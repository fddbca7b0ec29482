#!/usr/bin/env node
// `node scripts/with-node.mjs CMD ARGS…` runs CMD on the pinned Node (see node-runtime.mjs): for the npm scripts
// whose tools would otherwise run on whatever Node is on PATH.
import { spawn } from 'node:child_process';
import { ensurePinnedNode } from './node-runtime.mjs';

await ensurePinnedNode();
const [cmd, ...args] = process.argv.slice(2);
if (!cmd) {
  process.stderr.write('usage: node scripts/with-node.mjs COMMAND [ARGS…]\n');
  process.exit(64);
}
const child = spawn(cmd, args, { stdio: 'inherit' });
process.on('SIGINT', () => undefined);
for (const signal of ['SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('error', (err) => {
  process.stderr.write(`${cmd}: ${err.message}\n`);
  process.exit(127);
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
