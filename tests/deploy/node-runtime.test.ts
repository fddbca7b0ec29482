import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '@khao/testing';

const exec = promisify(execFile);
const read = (file: string) => fs.readFileSync(path.join(repoRoot, file), 'utf8');
const pinned = read('.node-version').trim();
const major = Number(pinned.split('.')[0]);

/** The first `node` on PATH once the project's cached Node is taken off it: the machine's own. */
function machineNode(): { bin: string; pathWithout: string } | undefined {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter((d) => !d.includes(`node-v${pinned}-`));
  const dir = dirs.find((d) => fs.existsSync(path.join(d, 'node')));
  return dir ? { bin: path.join(dir, 'node'), pathWithout: dirs.join(path.delimiter) } : undefined;
}

describe('the pinned Node.js runtime', () => {
  it('is one version everywhere: .node-version, .nvmrc, the Dockerfile and package.json engines', () => {
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    expect(major).toBeGreaterThanOrEqual(24);
    expect(read('.nvmrc').trim()).toBe(pinned);
    const bases = [...read('Dockerfile').matchAll(/^FROM node:(\S+)/gm)].map((m) => m[1]);
    expect(bases.length).toBeGreaterThan(0);
    for (const base of bases) expect(base).toBe(`${pinned}-bookworm-slim`);
    const pkg = JSON.parse(read('package.json')) as { engines: { node: string } };
    expect(pkg.engines.node).toBe(`>=${major}`);
  });

  it('runs the tests themselves', () => {
    expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(major);
  });

  it('is what the project scripts run on, even when the Node on PATH is older', async () => {
    const found = machineNode();
    expect(found, 'a node on PATH besides the cached one').toBeDefined();
    const { bin, pathWithout } = found!;
    const { stdout: own } = await exec(bin, ['-p', 'process.versions.node']);
    const env: NodeJS.ProcessEnv = { ...process.env, PATH: pathWithout };
    delete env.KHAO_NODE_REEXEC;
    const script = path.join(repoRoot, 'scripts', 'with-node.mjs');
    // The child prints both the version it runs on and the first node its PATH finds (what npm and npx would use).
    const { stdout } = await exec(bin, [script, 'sh', '-c', 'node -p process.versions.node'], {
      env,
      timeout: 120_000,
    });
    const version = stdout.trim().split('\n').at(-1);
    const ownMajor = Number(own.trim().split('.')[0]);
    // An older machine Node hands over to the pinned one; a new enough one is used as it is.
    expect(version).toBe(ownMajor >= major ? own.trim() : pinned);
  });
});
