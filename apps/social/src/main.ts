import 'reflect-metadata';
import { loadConfigOrExit, runService } from '@khao/messaging';
import { SocialConfigSchema } from './config.js';
import { SocialModule } from './social.module.js';

const config = loadConfigOrExit('social', SocialConfigSchema);
await runService({ name: 'social', config, module: SocialModule.register });
