import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, type Actor, type RevocationReason } from '@khao/contracts';
import type { z } from 'zod';
import { hashPassword } from '../auth/passwords.js';
import type { UserDoc } from '../auth/user.schema.js';
import { UsersRepository } from '../auth/users.repository.js';
import { Revocations } from '../auth/revocations.service.js';
import { AuditTrail } from '../audit/audit-trail.js';
import type { NewUserSchema, UserPatchSchema, UserView } from './user.dto.js';

/** User management, for admins. */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly revocations: Revocations,
    private readonly audit: AuditTrail,
  ) {}

  async list(): Promise<UserView[]> {
    return (await this.users.list()).map(view);
  }

  async get(id: string): Promise<UserView> {
    const user = await this.users.findById(id);
    if (!user) throw new DomainError(ErrorCode.NotFound, `no user with id ${id}`);
    return view(user);
  }

  async create(actor: Actor, input: z.output<typeof NewUserSchema>): Promise<UserView> {
    const created = await this.users.createIfAbsent({
      email: input.email,
      name: input.name,
      role: input.role,
      passwordHash: await hashPassword(input.password),
    });
    if (!created) throw new DomainError(ErrorCode.Conflict, `a user with e-mail ${input.email} exists already`);
    const user = (await this.users.findByEmail(input.email))!;
    await this.audit.record({
      action: 'user.created',
      actorId: actor.id,
      subjectId: user._id.toHexString(),
      email: user.email,
      details: { role: user.role },
    });
    return view(user);
  }

  async update(actor: Actor, id: string, patch: z.output<typeof UserPatchSchema>): Promise<UserView> {
    const { password, ...rest } = patch;
    const user = await this.users.findById(id);
    if (!user) throw new DomainError(ErrorCode.NotFound, `no user with id ${id}`);
    await this.keepAnAdmin(user, patch);
    if (actor.id === id && (patch.disabled || (patch.role && patch.role !== 'admin'))) {
      throw new DomainError(ErrorCode.Conflict, 'you cannot disable yourself or take away your own admin role');
    }
    const changes: Partial<UserDoc> = { ...rest, ...(password ? { passwordHash: await hashPassword(password) } : {}) };
    const reasons = revocationReasons(user, patch);
    const updated = reasons.length
      ? await this.revocations.changeAccess(user, changes, reasons)
      : await this.users.update(id, changes);
    if (!updated) throw new DomainError(ErrorCode.NotFound, `no user with id ${id}`);
    for (const reason of reasons) {
      const details = reason === 'role-changed' ? { from: user.role, to: updated.role } : undefined;
      await this.audit.record({
        action: `user.${reason}`,
        actorId: actor.id,
        subjectId: id,
        email: user.email,
        details,
      });
    }
    return view(updated);
  }

  /** The platform always keeps an admin who can log in: the last active one is never disabled or demoted. */
  private async keepAnAdmin(user: UserDoc, patch: z.output<typeof UserPatchSchema>): Promise<void> {
    const removes = patch.disabled === true || (patch.role !== undefined && patch.role !== 'admin');
    if (user.role !== 'admin' || user.disabled || !removes) return;
    if ((await this.users.activeAdmins()) <= 1) {
      throw new DomainError(
        ErrorCode.Conflict,
        'the last active admin cannot be disabled or lose the admin role: make another admin first',
      );
    }
  }
}

/** Which parts of a patch change what the user may do; each revokes the user's tokens issued before. */
function revocationReasons(user: UserDoc, patch: z.output<typeof UserPatchSchema>): RevocationReason[] {
  const reasons: RevocationReason[] = [];
  if (patch.disabled !== undefined && patch.disabled !== user.disabled) {
    reasons.push(patch.disabled ? 'disabled' : 'enabled');
  }
  if (patch.role !== undefined && patch.role !== user.role) reasons.push('role-changed');
  if (patch.password !== undefined) reasons.push('password-changed');
  return reasons;
}

function view(u: UserDoc): UserView {
  return {
    id: u._id.toHexString(),
    email: u.email,
    name: u.name,
    role: u.role,
    disabled: u.disabled,
    createdAt: new Date(u.createdAt).toISOString(),
  };
}
