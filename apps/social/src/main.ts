import 'reflect-metadata';
import { loadConfigOrExit, runService } from '@khao/runtime';
import { OutboundPolicy } from '@khao/net';
import { SocialConfigSchema } from './config.js';
import { SocialModule } from './social.module.js';

const config = loadConfigOrExit('social', SocialConfigSchema);
// Every outbound HTTP call of this process is checked at connect time against the address it reaches.
new OutboundPolicy(config.OUTBOUND_ALLOW).installGlobally();
await runService({ name: 'social', config, module: SocialModule.register });
