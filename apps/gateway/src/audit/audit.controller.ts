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
import { ZodValidationPipe } from '@khao/messaging';
import { Roles } from '../auth/roles.decorator.js';
import { ErrorBodySchema, openApi } from '../common/openapi.js';
import { AuditRepository } from './audit.repository.js';

const AuditQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    before: ObjectIdSchema.optional(),
  })
  .strict();

const AuditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  action: z.string().meta({ example: 'login.failed' }),
  actorId: z.string().optional(),
  subjectId: z.string().optional(),
  email: z.string().optional(),
  ip: z.string().optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});
const error = { schema: openApi(ErrorBodySchema, 'output') };

/** The audit trail: who logged in or failed to, whose access changed, which keys rotated. Admins only. */
@ApiTags('ops')
@ApiBearerAuth()
@Controller('api/v1/ops/audit')
export class AuditController {
  constructor(private readonly audit: AuditRepository) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'The audit trail, newest first: logins, access changes, logouts, key rotations' })
  @ApiOkResponse({
    schema: openApi(z.object({ items: AuditEntrySchema.array(), nextCursor: z.string().nullable() }), 'output'),
    description: 'newest first; pass nextCursor as `before` for the next page',
  })
  @ApiBadRequestResponse(error)
  @ApiUnauthorizedResponse(error)
  @ApiForbiddenResponse(error)
  async list(@Query(new ZodValidationPipe(AuditQuery, 'query')) q: z.output<typeof AuditQuery>) {
    const docs = await this.audit.list(q.limit, q.before);
    const items = docs.map(({ _id, at, ...rest }) => ({
      id: _id.toHexString(),
      at: new Date(at).toISOString(),
      ...rest,
    }));
    return { items, nextCursor: docs.length === q.limit ? items[items.length - 1].id : null };
  }
}
