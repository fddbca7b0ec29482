import 'reflect-metadata';
import { loadConfigOrExit } from '@khao/runtime';
import { runGateway } from './bootstrap.js';
import { GatewayConfigSchema } from './config.js';

const config = loadConfigOrExit('gateway', GatewayConfigSchema);
await runGateway(config);
