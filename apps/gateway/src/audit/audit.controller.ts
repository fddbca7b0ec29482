import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { z } from 'zod';
import { ObjectIdSchema } from '@khao/contracts';
import { ZodValidationPipe } from '@khao/runtime';
import { Roles } from '../auth/roles.decorator.js';
import { ErrorBodySchema, openApi } from '../common/openapi.js';
import { AuditRepository } from './audit.repository.js';

const day = z.iso.date({ error: 'must be a date (YYYY-MM-DD)' });

const AuditQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    before: ObjectIdSchema.optional(),
    /** Entries of what this person did. */
    actorId: ObjectIdSchema.optional(),
    /** Entries about this story (its versions, translations and posts). */
    storyId: ObjectIdSchema.optional(),
    /** Whole days in Thailand's time (UTC+7), inclusive. */
    from: day.optional(),
    to: day.optional(),
  })
  .strict();

/** The start of a day in Thailand (UTC+7, no daylight saving), where the newsroom's days begin. */
const bangkokDay = (d: string, plusDays = 0) =>
  new Date(Date.parse(`${d}T00:00:00+07:00`) + plusDays * 24 * 60 * 60 * 1000);

const AuditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  action: z.string().meta({ example: 'login.failed' }),
  actorId: z.string().optional(),
  subjectId: z.string().optional(),
  storyId: z.string().optional(),
  email: z.string().optional(),
  ip: z.string().optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});
const error = { schema: openApi(ErrorBodySchema, 'output') };

/**
 * The audit trail: logins, access changes, key rotations, channel changes, post retries, dead-letter replays, and
 * what happened to stories (saved, submitted, published, corrected, unpublished, deleted, translations approved,
 * posts sent or failed) as their events tell it. Admins only.
 */
@ApiTags('ops')
@ApiBearerAuth()
@Controller('api/v1/ops/audit')
export class AuditController {
  constructor(private readonly audit: AuditRepository) {}

  @Get()
  @Roles('admin')
  @ApiOperation({
    summary: 'The audit trail, newest first: logins, access changes, stories, translations, posts, channels, replays',
  })
  @ApiOkResponse({
    schema: openApi(z.object({ items: AuditEntrySchema.array(), nextCursor: z.string().nullable() }), 'output'),
    description: 'newest first; pass nextCursor as `before` for the next page',
  })
  @ApiBadRequestResponse(error)
  @ApiUnauthorizedResponse(error)
  @ApiForbiddenResponse(error)
  async list(@Query(new ZodValidationPipe(AuditQuery, 'query')) q: z.output<typeof AuditQuery>) {
    const docs = await this.audit.list(q.limit, {
      before: q.before,
      actorId: q.actorId,
      storyId: q.storyId,
      from: q.from ? bangkokDay(q.from) : undefined,
      to: q.to ? bangkokDay(q.to, 1) : undefined,
    });
    const items = docs.map(({ _id, at, ...rest }) => ({
      id: _id.toHexString(),
      at: new Date(at).toISOString(),
      ...rest,
    }));
    return { items, nextCursor: docs.length === q.limit ? items[items.length - 1].id : null };
  }
}
