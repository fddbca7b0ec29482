import 'reflect-metadata';
import { loadConfigOrExit, runService } from '@khao/runtime';
import { ArticlesModule } from './articles.module.js';
import { ArticlesConfigSchema } from './config.js';

const config = loadConfigOrExit('articles', ArticlesConfigSchema);
await runService({ name: 'articles', config, module: ArticlesModule.register });
