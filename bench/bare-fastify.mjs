#!/usr/bin/env node
// The same-run reference for the public read benchmark: a bare Fastify server (no Nest, no logging, no metrics)
// answering each captured path with the exact bytes and headers the gateway sent for it. Started as a child
// process by bench/public.mjs, so both servers run in a process of their own under the same load generator.
//   node bench/bare-fastify.mjs CAPTURED.json     prints `listening <port>` once it accepts connections
import { Buffer } from 'node:buffer';
import fs from 'node:fs';
import Fastify from 'fastify';

// Bodies as bytes, encoded once: the best a server can do with a response it keeps.
const captured = new Map(
  Object.entries(JSON.parse(fs.readFileSync(process.argv[2], 'utf8'))).map(([url, r]) => [
    url,
    { headers: r.headers, body: Buffer.from(r.body, 'utf8') },
  ]),
);
const app = Fastify({ logger: false });
app.get('/*', (req, reply) => {
  const r = captured.get(req.url);
  if (!r) return reply.code(404).send('not captured');
  return reply.headers(r.headers).send(r.body);
});
await app.listen({ host: '127.0.0.1', port: 0 });
process.stdout.write(`listening ${app.server.address().port}\n`);
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
