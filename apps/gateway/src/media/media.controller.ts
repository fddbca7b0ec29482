import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  CompletedUploadSchema,
  CompleteUploadSchema,
  CreateUploadSchema,
  MediaAdminRpc,
  MediaAssetSchema,
  MediaListQuerySchema,
  MediaPatchSchema,
  ObjectIdSchema,
  PresignedUploadSchema,
  type CompletedUpload,
} from '@khao/contracts';
import { RpcClient } from '@khao/messaging';
import { ZodValidationPipe } from '@khao/runtime';
import { Roles } from '../auth/roles.decorator.js';
import { openApi } from '../common/openapi.js';
import { Refuses } from '../common/openapi-routes.js';
import type { KhaoRequest } from '../common/request.js';
import type { GatewayConfig } from '../config.js';
import { CONFIG } from '../tokens.js';
import { Inject } from '@nestjs/common';
import { MediaStreamService } from './media-stream.service.js';

/** The one route that takes multipart bodies (bootstrap lets them through unread for it alone). */
export const MEDIA_UPLOAD_ROUTE = '/api/v1/media';

const Id = new ZodValidationPipe(ObjectIdSchema, 'id');
const DeleteQuery = z
  .object({ force: z.enum(['true', 'false'], { error: "must be 'true' or 'false'" }).optional() })
  .strict();

/**
 * Images. Admins and editors manage them; authors upload and read (their drafts need photos) and edit the captions of
 * their own uploads; translators read and translate captions and alt text. Deleting is for admins and editors.
 */
@ApiTags('media')
@ApiBearerAuth()
@Controller('api/v1/media')
export class MediaController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly stream: MediaStreamService,
    @Inject(CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Post()
  @Roles('admin', 'editor', 'author')
  @ApiOperation({
    summary: 'Upload an image (multipart/form-data, field "file"), streamed to storage, verified and processed',
    description:
      '201 with the new image; 200 with the existing one when the same bytes were uploaded before. 413 over the size limit, 415 when the content is not a JPEG, PNG, WebP, AVIF or GIF (or not what the part declared), 422 when it is truncated, corrupt or has too many pixels.',
  })
  @ApiConsumes('multipart/form-data')
  @Refuses(409, 422)
  @ApiBody({
    schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] },
  })
  @ApiCreatedResponse({ schema: openApi(CompletedUploadSchema, 'output') })
  @ApiOkResponse({
    description: 'the same bytes were uploaded before: the existing image (`deduplicated: true`)',
    schema: openApi(CompletedUploadSchema, 'output'),
  })
  async upload(@Req() req: KhaoRequest, @Res({ passthrough: true }) res: FastifyReply) {
    return created(res, await this.stream.upload(req));
  }

  @Post('uploads')
  @Roles('admin', 'editor', 'author')
  @ApiOperation({
    summary: 'Start a direct upload: PUT the file to `url` with `headers`, then POST /api/v1/media/:id/complete',
  })
  @Refuses(413)
  @ApiBody({
    schema: {
      ...openApi(CreateUploadSchema),
      example: { filename: 'IMG_3551.jpg', contentType: 'image/jpeg', size: 3481920 },
    },
  })
  @ApiCreatedResponse({ schema: openApi(PresignedUploadSchema, 'output') })
  createUpload(
    @Req() req: KhaoRequest,
    @Body(new ZodValidationPipe(CreateUploadSchema)) upload: z.input<typeof CreateUploadSchema>,
  ) {
    return this.rpc.request(MediaAdminRpc.createUpload, { actor: req.actor!, upload });
  }

  @Post(':id/complete')
  @Roles('admin', 'editor', 'author')
  @ApiOperation({
    summary:
      'Finish a direct upload: the bytes are checked against what you declare (size, type, SHA-256), then processed',
  })
  @Refuses(409, 413, 415, 422)
  @ApiBody({
    required: false,
    schema: { ...openApi(CompleteUploadSchema), example: { size: 3481920, contentType: 'image/jpeg' } },
  })
  @ApiCreatedResponse({ schema: openApi(CompletedUploadSchema, 'output') })
  @ApiOkResponse({
    description: 'the same bytes were uploaded before: the existing image (`deduplicated: true`)',
    schema: openApi(CompletedUploadSchema, 'output'),
  })
  async complete(
    @Req() req: KhaoRequest,
    @Res({ passthrough: true }) res: FastifyReply,
    @Param('id', Id) id: string,
    @Body(new ZodValidationPipe(CompleteUploadSchema.optional())) declared?: z.input<typeof CompleteUploadSchema>,
  ) {
    const done = await this.rpc.request(
      MediaAdminRpc.complete,
      { actor: req.actor!, id, declared: declared ?? {} },
      { timeoutMs: this.config.MEDIA_PROCESSING_TIMEOUT_MS },
    );
    return created(res, done);
  }

  @Get()
  @Roles('admin', 'editor', 'author', 'translator')
  @ApiOperation({ summary: 'Images, newest first (cursor: the last id of the previous page)' })
  @ApiOkResponse({ schema: openApi(MediaAdminRpc.list.reply, 'output') })
  list(
    @Req() req: KhaoRequest,
    @Query(new ZodValidationPipe(MediaListQuerySchema, 'query')) query: z.input<typeof MediaListQuerySchema>,
  ) {
    return this.rpc.request(MediaAdminRpc.list, { actor: req.actor!, query });
  }

  @Get(':id')
  @Roles('admin', 'editor', 'author', 'translator')
  @ApiOperation({ summary: 'One image with its renditions, captions and status' })
  @ApiOkResponse({ schema: openApi(MediaAssetSchema, 'output') })
  get(@Req() req: KhaoRequest, @Param('id', Id) id: string) {
    return this.rpc.request(MediaAdminRpc.get, { actor: req.actor!, id });
  }

  @Patch(':id')
  @Roles('admin', 'editor', 'author', 'translator')
  @ApiOperation({
    summary:
      'Captions and alt text per language (empty string removes one), credit, focal point (0..1; remakes the share image)',
  })
  @ApiBody({
    schema: {
      ...openApi(MediaPatchSchema),
      example: {
        captions: { th: 'ชาวบ้านร่วมเวทีประชาคมที่ศาลากลางจังหวัดอุดรธานี', en: 'Residents at the forum in Udon Thani' },
        alt: { th: 'ชาวบ้านนั่งฟังในห้องประชุม' },
        credit: 'พอช.',
        focalPoint: { x: 0.4, y: 0.35 },
      },
    },
  })
  @ApiOkResponse({ schema: openApi(MediaAssetSchema, 'output') })
  update(
    @Req() req: KhaoRequest,
    @Param('id', Id) id: string,
    @Body(new ZodValidationPipe(MediaPatchSchema)) patch: z.input<typeof MediaPatchSchema>,
  ) {
    return this.rpc.request(MediaAdminRpc.update, { actor: req.actor!, id, patch });
  }

  @Delete(':id')
  @HttpCode(200)
  @Roles('admin', 'editor')
  @ApiOperation({ summary: 'Delete an image and its files; 409 while a published story shows it, unless ?force=true' })
  @Refuses(409)
  @ApiQuery({ name: 'force', required: false, enum: ['true', 'false'] })
  @ApiOkResponse({ schema: { example: { id: '6b0722b5d677dbc90e33bb0d', deleted: true } } })
  delete(
    @Req() req: KhaoRequest,
    @Param('id', Id) id: string,
    @Query(new ZodValidationPipe(DeleteQuery, 'query')) query: z.output<typeof DeleteQuery>,
  ) {
    return this.rpc.request(MediaAdminRpc.delete, { actor: req.actor!, id, force: query.force === 'true' });
  }
}

/** 201 for a new image, 200 when the same bytes were already one. */
function created(res: FastifyReply, upload: CompletedUpload): CompletedUpload {
  void res.status(upload.deduplicated ? 200 : 201);
  return upload;
}
