import { describe, expect, it } from 'vitest';
import { firstValueFrom } from 'rxjs';
import { DomainError } from '@khao/contracts';
import { createLogger } from '@khao/logging';
import { RpcErrorFilter } from './rpc-server.js';

const lines: string[] = [];
const logger = createLogger({
  service: 'spec',
  level: 'info',
  destination: { write: (l: string) => lines.push(l) } as unknown as NodeJS.WritableStream,
});
const filter = new RpcErrorFilter(logger);

describe('RpcErrorFilter', () => {
  it('passes a domain error through with its code', () => {
    expect(filter.toShape(new DomainError('NOT_FOUND', 'no story with id 1'))).toEqual({
      code: 'NOT_FOUND',
      message: 'no story with id 1',
      details: undefined,
    });
  });

  it('hides an unexpected error behind an id that is in the log line', async () => {
    const shape = await firstValueFrom(filter.catch(new TypeError('x is undefined'))).catch((e: unknown) => e);
    expect(shape).toMatchObject({
      code: 'INTERNAL',
      message: expect.stringMatching(/^internal error \(error id .+\)$/),
    });
    const errorId = (shape as { errorId: string }).errorId;
    expect(lines.some((l) => l.includes(errorId) && l.includes('x is undefined'))).toBe(true);
  });

  it('reports an unreachable database as UNAVAILABLE', () => {
    const err = Object.assign(new Error('connect ECONNREFUSED'), { name: 'MongoServerSelectionError' });
    expect(filter.toShape(err).code).toBe('UNAVAILABLE');
  });
});
