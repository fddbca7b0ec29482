export * from './claims.js';
export * from './collection.js';
export * from './mongo.js';
export * from './outbox.js';
export * from './inspect.js';
export * from './locks.js';
export * from './takeovers.js';
export * from './snapshots.js';
