import { Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { DeadLetterSchema } from '@khao/contracts';
import { DeadLetters } from '@khao/messaging';
import { ZodValidationPipe } from '@khao/runtime';
import { Roles } from '../auth/roles.decorator.js';
import { openApi } from '../common/openapi.js';
import type { KhaoRequest } from '../common/request.js';
import { DeadLetterReplays } from './dead-letters.service.js';

const ListQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    after: z.coerce.number().int().min(0).default(0),
    consumer: z
      .string()
      .regex(/^[a-z0-9_-]+$/, 'must be a consumer name')
      .optional(),
  })
  .strict();

const SeqParam = z.coerce.number({ error: 'must be a sequence number' }).int().positive('must be a sequence number');

/** Dead letters: events a consumer gave up on. An operator lists them and sends one back once the cause is fixed. */
@ApiTags('ops')
@ApiBearerAuth()
@Controller('api/v1/ops/dead-letters')
export class DeadLettersController {
  constructor(
    private readonly deadLetters: DeadLetters,
    private readonly replays: DeadLetterReplays,
  ) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Events a consumer gave up on, oldest first' })
  @ApiOkResponse({
    description: 'oldest first; pass nextCursor as `after` for the next page',
    schema: openApi(
      z.object({
        items: z.array(DeadLetterSchema.extend({ seq: z.number().int() })),
        nextCursor: z.number().nullable(),
      }),
      'output',
    ),
  })
  async list(@Query(new ZodValidationPipe(ListQuery, 'query')) q: z.output<typeof ListQuery>) {
    const items = await this.deadLetters.list(q.limit, q.after, q.consumer);
    return { items, nextCursor: items.length === q.limit ? items.at(-1)!.seq : null };
  }

  @Post(':seq/replay')
  @Roles('admin')
  @ApiOperation({ summary: 'Send a dead letter back to its consumers (once the cause is fixed); audited' })
  @HttpCode(200)
  @ApiOkResponse({
    schema: openApi(
      z.object({ seq: z.number().int(), eventId: z.string(), republishedSeq: z.number().int() }),
      'output',
    ),
  })
  replay(@Req() req: KhaoRequest, @Param('seq', new ZodValidationPipe(SeqParam, 'seq')) seq: number) {
    return this.replays.replay(req.actor!, seq);
  }
}
