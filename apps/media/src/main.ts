import 'reflect-metadata';
import { loadConfigOrExit, runService } from '@khao/runtime';
import { MediaConfigSchema } from './config.js';
import { MediaModule } from './media.module.js';

const config = loadConfigOrExit('media', MediaConfigSchema);
await runService({ name: 'media', config, module: MediaModule.register });
