export * from './rpc.js';
export * from './events.js';
export * from './health.js';
export * from './articles.js';
export * from './media.js';
export * from './social.js';
