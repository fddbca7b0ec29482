import { Body, Controller, Get, Param, Patch, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { ObjectIdSchema } from '@khao/contracts';
import { ZodValidationPipe } from '@khao/runtime';
import { Roles } from '../auth/roles.decorator.js';
import { openApi } from '../common/openapi.js';
import { Refuses } from '../common/openapi-routes.js';
import type { KhaoRequest } from '../common/request.js';
import { NewUserSchema, UserPatchSchema, UserViewSchema } from './user.dto.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@ApiBearerAuth()
@Controller('api/v1')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get('auth/me')
  @Roles('admin', 'editor', 'author', 'translator')
  @ApiOperation({ summary: 'Who is logged in: the user behind the bearer token, with their role' })
  @ApiOkResponse({ schema: openApi(UserViewSchema, 'output') })
  me(@Req() req: KhaoRequest) {
    return this.users.get(req.actor!.id);
  }

  @Get('users')
  @Roles('admin')
  @ApiOperation({ summary: 'Every user account' })
  @ApiOkResponse({ schema: openApi(UserViewSchema.array(), 'output') })
  list() {
    return this.users.list();
  }

  @Post('users')
  @Roles('admin')
  @ApiOperation({ summary: 'Add a user with a role and an initial password' })
  @Refuses(409)
  @ApiBody({
    schema: {
      ...openApi(NewUserSchema),
      example: { email: 'somchai@khao.example', name: 'สมชาย ใจดี', role: 'author', password: 'a long passphrase here' },
    },
  })
  @ApiCreatedResponse({ schema: openApi(UserViewSchema, 'output') })
  create(@Req() req: KhaoRequest, @Body(new ZodValidationPipe(NewUserSchema)) body: z.output<typeof NewUserSchema>) {
    return this.users.create(req.actor!, body);
  }

  @Patch('users/:id')
  @Roles('admin')
  @ApiOperation({ summary: "Change a user's name, role or password, or disable the account" })
  @Refuses(409)
  @ApiBody({ schema: { ...openApi(UserPatchSchema), example: { role: 'editor' } } })
  @ApiOkResponse({ schema: openApi(UserViewSchema, 'output') })
  update(
    @Req() req: KhaoRequest,
    @Param('id', new ZodValidationPipe(ObjectIdSchema, 'id')) id: string,
    @Body(new ZodValidationPipe(UserPatchSchema)) patch: z.output<typeof UserPatchSchema>,
  ) {
    return this.users.update(req.actor!, id, patch);
  }
}
