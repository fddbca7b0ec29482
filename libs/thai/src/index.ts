export * from './segment.js';
export * from './dates.js';
