export * from './mongo.js';
export * from './outbox.js';
