export const CONFIG = Symbol('social.config');
