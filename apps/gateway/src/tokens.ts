export const CONFIG = Symbol('gateway.config');
export const LOGGER = Symbol('gateway.logger');
