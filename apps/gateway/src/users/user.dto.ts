import { z } from 'zod';
import { RoleSchema } from '@khao/contracts';

const password = z.string().min(12, 'must be at least 12 characters').max(256, 'must be at most 256 characters');

export const NewUserSchema = z
  .object({
    email: z.email('must be an e-mail address').max(254).toLowerCase(),
    name: z.string().max(120).trim().default(''),
    role: RoleSchema,
    password,
  })
  .strict();

export const UserPatchSchema = z
  .object({
    name: z.string().max(120).trim().optional(),
    role: RoleSchema.optional(),
    password: password.optional(),
    /** A disabled user cannot log in; accounts are disabled, never deleted, so bylines and revisions keep a name. */
    disabled: z.boolean().optional(),
  })
  .strict()
  .refine((p) => Object.keys(p).length > 0, 'send at least one field to change')
  .meta({ minProperties: 1 });

/** What the API shows of a user: never the password hash. */
export const UserViewSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: RoleSchema,
  disabled: z.boolean(),
  createdAt: z.string(),
});
export type UserView = z.infer<typeof UserViewSchema>;
