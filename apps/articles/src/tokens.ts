export const CONFIG = Symbol('articles.config');
