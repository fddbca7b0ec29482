import 'reflect-metadata';
import { loadConfigOrExit, runService } from '@khao/runtime';
import { OutboundPolicy } from '@khao/net';
import { TranslationConfigSchema } from './config.js';
import { TranslationModule } from './translation.module.js';

const config = loadConfigOrExit('translation', TranslationConfigSchema);
// Every outbound HTTP call of this process is checked at connect time against the address it reaches.
new OutboundPolicy(config.OUTBOUND_ALLOW).installGlobally();
await runService({ name: 'translation', config, module: TranslationModule.register });
