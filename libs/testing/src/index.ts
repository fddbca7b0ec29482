export * from './paths.js';
export * from './wait.js';
export * from './env.js';
export * from './service-process.js';
export * from './platform.js';
export * from './events.js';
export * from './server-process.js';
export * from './http-fake.js';
