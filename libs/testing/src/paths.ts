import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, wherever the tests run from. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Where test runs keep service logs and artifacts (git-ignored). */
export const testDataDir = path.join(repoRoot, '.data', 'test');
