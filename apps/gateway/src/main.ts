import 'reflect-metadata';
import { loadConfigOrExit } from '@khao/messaging';
import { runGateway } from './bootstrap.js';
import { GatewayConfigSchema } from './config.js';

const config = loadConfigOrExit('gateway', GatewayConfigSchema);
await runGateway(config);
