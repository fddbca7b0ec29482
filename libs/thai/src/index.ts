export * from './segment.js';
export * from './dates.js';
export * from './slug.js';
export * from './slug-text.js';
export * from './search.js';
export * from './search-engine/index.js';
