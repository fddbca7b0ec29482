import { Controller, Get, Headers, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { ZodValidationPipe } from '@khao/runtime';
import { RevocationList } from '../auth/revocation-list.js';
import { Roles } from '../auth/roles.decorator.js';
import { Refuses } from '../common/openapi-routes.js';
import type { KhaoRequest } from '../common/request.js';
import { EventStreamService } from './event-stream.service.js';

const LAST_EVENT_ID = new ZodValidationPipe(
  z
    .string()
    .trim()
    .regex(/^\d{1,15}$/, 'must be the id of an event this stream sent')
    .transform(Number)
    .optional(),
  'Last-Event-ID',
);
const HEARTBEAT_MS = 15_000;

@ApiTags('live')
@ApiBearerAuth()
@Controller('api/v1/events')
export class EventsController {
  constructor(
    private readonly stream: EventStreamService,
    private readonly revocations: RevocationList,
  ) {}

  @Get('stream')
  @Roles('admin', 'editor', 'author', 'translator')
  @Refuses(400)
  @ApiOperation({
    summary: 'Live status as server-sent events: photos processed, translation jobs, social posts, story changes',
    description:
      'Each event: `id` (send it back as Last-Event-ID to resume after it), `event` (the type, e.g. ' +
      '`media.processed.v1`), `data` (JSON: ids, statuses, who; fetch the resource for the rest). Filtered by role.',
  })
  @ApiHeader({
    name: 'Last-Event-ID',
    required: false,
    description: 'resume after this event',
    schema: { type: 'string', pattern: '^\\s*\\d{1,15}\\s*$' },
  })
  @ApiProduces('text/event-stream')
  async open(
    @Req() req: KhaoRequest,
    @Res() reply: FastifyReply,
    @Headers('last-event-id') lastEventId?: string,
  ): Promise<void> {
    const after = LAST_EVENT_ID.transform(lastEventId);
    const { events, stop } = await this.stream.subscribe(req.actor!.role, after);
    reply.hijack();
    const out = reply.raw;
    out.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      'x-correlation-id': req.correlationId ?? '',
    });
    out.write('retry: 3000\n\n');
    // A stream outlives the request that opened it: a session logged out, or a token revoked (role changed, account
    // disabled) since then, hears nothing more, and its stream ends at the next event or heartbeat.
    const revoked = () => req.standing !== undefined && this.revocations.isRevoked(req.standing);
    const heartbeat = setInterval(() => (revoked() ? stop() : out.write(': keep-alive\n\n')), HEARTBEAT_MS);
    const close = () => {
      clearInterval(heartbeat);
      stop();
    };
    req.raw.on('close', close);
    try {
      for await (const e of events) {
        if (revoked()) break;
        out.write(
          `id: ${e.id}\nevent: ${e.type}\ndata: ${JSON.stringify({ ...e.data, occurredAt: e.occurredAt })}\n\n`,
        );
      }
    } finally {
      close();
      out.end();
    }
  }
}
