export * from './normalize.js';
export * from './stem.js';
export * from './analyze.js';
export * from './query.js';
export * from './engine.js';
export * from './snippet.js';
export * from './suggest.js';
