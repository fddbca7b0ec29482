#!/usr/bin/env node
// The studio's API types, generated from the gateway's OpenAPI (openapi-typescript) into src/api/generated/.
//
//   node apps/studio/scripts/gen-api.mjs                 start NATS + FerretDB + MinIO (profile `gen`) and the built
//                                                        gateway alone, read its OpenAPI, stop them again
//   node apps/studio/scripts/gen-api.mjs --url <base>    read the OpenAPI of a gateway already running at <base>
//   … --check                                            write nothing; exit 1 when the committed file is stale
//
// The gateway must be built (`npm run build`). KHAO_INFRA_PORT_BASE shifts the servers' ports as for the launcher.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
export const generatedFile = path.resolve(here, '../src/api/generated/schema.ts');
const HEADER =
  '// Generated from the gateway OpenAPI by apps/studio/scripts/gen-api.mjs (npm run gen:api). Do not edit.\n\n';

/** The TypeScript types of an OpenAPI document, exactly as they are committed. */
export async function renderTypes(document) {
  const ast = await openapiTS(document, { alphabetize: true, exportType: true });
  return HEADER + astToString(ast);
}

async function openApiOf(baseUrl) {
  const res = await fetch(new URL('/api/docs/openapi.json', baseUrl));
  if (!res.ok) throw new Error(`GET /api/docs/openapi.json answered ${res.status}`);
  return res.json();
}

/** Starts the servers and a gateway of their own, hands its base URL to `use`, and stops everything after. */
async function withOwnGateway(use) {
  const env = { ...process.env, KHAO_INFRA_PROFILE: process.env.KHAO_INFRA_PROFILE ?? 'gen' };
  const infra = (cmd) => execFileSync('node', [path.join(root, 'scripts/infra.mjs'), cmd], { env, encoding: 'utf8' });
  infra('up');
  try {
    for (const line of infra('env').split('\n')) {
      const i = line.indexOf('=');
      if (i > 0) process.env[line.slice(0, i)] = line.slice(i + 1);
    }
    const { TestPlatform } = await import('@khao/testing');
    const platform = new TestPlatform({ services: [] });
    await platform.start();
    try {
      return await use(platform.baseUrl);
    } finally {
      await platform.stop();
    }
  } finally {
    infra('down');
  }
}

async function main() {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const urlAt = args.indexOf('--url');
  const url = urlAt >= 0 ? args[urlAt + 1] : undefined;
  const document = url ? await openApiOf(url) : await withOwnGateway(openApiOf);
  const types = await renderTypes(document);
  const current = fs.existsSync(generatedFile) ? fs.readFileSync(generatedFile, 'utf8') : '';
  if (check) {
    if (current !== types) {
      process.stderr.write(
        `${path.relative(root, generatedFile)} is stale against the gateway's OpenAPI: run npm run gen:api\n`,
      );
      process.exit(1);
    }
    process.stdout.write('the generated API types match the OpenAPI\n');
    return;
  }
  fs.mkdirSync(path.dirname(generatedFile), { recursive: true });
  fs.writeFileSync(generatedFile, types);
  process.stdout.write(`${current === types ? 'unchanged' : 'wrote'} ${path.relative(root, generatedFile)}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    process.stderr.write(`${err.stack ?? err}\n`);
    process.exit(1);
  });
}
