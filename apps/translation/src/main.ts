import 'reflect-metadata';
import { loadConfigOrExit, runService } from '@khao/messaging';
import { TranslationConfigSchema } from './config.js';
import { TranslationModule } from './translation.module.js';

const config = loadConfigOrExit('translation', TranslationConfigSchema);
await runService({ name: 'translation', config, module: TranslationModule.register });
