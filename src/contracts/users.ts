// What the account routes take and answer (and `thihanh user add`): one contract for the server, the OpenAPI document
// and the web app (types). Pure: no node: modules, no database, nothing from src/modules.
import { z } from '@hono/zod-openapi';
import { ROLES } from '../domain/permissions.ts';
import { Id, Name, SearchQuery, ShortText } from './common.ts';

export const RoleSchema = z.enum(ROLES);
export const PersonName = Name(120, 2);
export const EmailSchema = ShortText(200).email().nullable().optional();
export const PhoneSchema = ShortText(20)
  .regex(/^[0-9 +().-]{6,20}$/, 'Số điện thoại không hợp lệ.')
  .nullable()
  .optional();
export const UsernameSchema = ShortText(60, 3).regex(
  /^[a-zA-Z0-9._-]+$/,
  'Tên đăng nhập chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới.',
);

/** Shared by POST /api/users and `thihanh user add`. */
export const CreateUserSchema = z
  .object({
    username: UsernameSchema,
    fullName: PersonName,
    email: EmailSchema,
    phone: PhoneSchema,
    unitId: Id,
    roles: z.array(RoleSchema).min(1).max(5),
    // A password is taken byte for byte: it is hashed, never stored as text.
    password: z.string().max(200).optional(),
  })
  .strict();

export const UpdateUserSchema = z
  .object({
    fullName: PersonName.optional(),
    email: EmailSchema,
    phone: PhoneSchema,
    unitId: Id.optional(),
    roles: z.array(RoleSchema).min(1).max(5).optional(),
    isActive: z.boolean().optional(),
  })
  .strict();

export const UnitUsersQuerySchema = z.object({
  subunits: z.enum(['true', 'false']).default('false'),
  q: SearchQuery(100, 0).optional(),
});

export const UserSchema = z
  .object({
    id: z.number(),
    username: z.string(),
    fullName: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    unitId: z.number(),
    unitName: z.string(),
    roles: z.array(z.string()),
    isActive: z.boolean(),
    isDemo: z.boolean(),
    mustChangePassword: z.boolean(),
    lastLoginAt: z.string().nullable(),
    /** What the caller may do with the account, by the one rule (the web app shows its actions from these). */
    can: z.object({
      /** Change its name, contact, unit, roles; reset its password. */
      edit: z.boolean(),
      /** Lock or unlock it (never one's own). */
      lock: z.boolean(),
    }),
  })
  .openapi('User');

export const CreatedUserSchema = z.object({
  id: z.number(),
  username: z.string(),
  temporaryPassword: z.string().nullable(),
});
export const TemporaryPasswordSchema = z.object({ temporaryPassword: z.string() });

export type CreateUserInput = z.input<typeof CreateUserSchema>;
export type UpdateUserInput = z.input<typeof UpdateUserSchema>;
export type User = z.infer<typeof UserSchema>;
export type CreatedUser = z.infer<typeof CreatedUserSchema>;
