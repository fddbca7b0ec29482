import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** The gateway's Prometheus registry: process metrics, HTTP requests and RPC calls. */
export class Metrics {
  readonly registry = new Registry();
  readonly httpRequests: Counter<'method' | 'route' | 'status'>;
  readonly httpDuration: Histogram<'method' | 'route'>;
  readonly publicBuilds: Counter<'kind'>;

  constructor() {
    this.registry.setDefaultLabels({ service: 'gateway' });
    collectDefaultMetrics({ register: this.registry });
    this.httpRequests = new Counter({
      name: 'khao_http_requests_total',
      help: 'HTTP requests by route template and status',
      labelNames: ['method', 'route', 'status'],
      registers: [this.registry],
    });
    this.httpDuration = new Histogram({
      name: 'khao_http_request_duration_seconds',
      help: 'HTTP request duration by route template',
      labelNames: ['method', 'route'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [this.registry],
    });
    this.publicBuilds = new Counter({
      name: 'khao_public_builds_total',
      help: 'Public responses built (cache misses) by kind: json, html, feed, sitemap (the index), sitemaps (children)',
      labelNames: ['kind'],
      registers: [this.registry],
    });
  }
}
