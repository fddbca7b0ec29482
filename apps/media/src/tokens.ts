export const CONFIG = Symbol('media.config');
