export * from './service.js';
export * from './health.js';
export * from './health-controller.js';
export * from './validation.js';
