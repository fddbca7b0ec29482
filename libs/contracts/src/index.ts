export * from './rpc.js';
export * from './events.js';
export * from './health.js';
export * from './articles.js';
export * from './media.js';
export * from './public.js';
export * from './translation.js';
export * from './social.js';
