export * from './outbound-guard.js';
