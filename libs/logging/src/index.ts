export * from './correlation.js';
export * from './logger.js';
export type { Logger } from 'pino';
