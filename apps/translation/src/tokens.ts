export const CONFIG = Symbol('translation.config');
export const PROVIDER = Symbol('translation.provider');
