import { z } from '@hono/zod-openapi';
import { ROLES } from '../../domain/permissions.ts';
import { Name, ShortText } from '../../contracts/common.ts';

export const RoleSchema = z.enum(ROLES);
export const PersonName = Name(120, 2);
export const EmailSchema = ShortText(200).email().nullable().optional();
export const PhoneSchema = ShortText(20).regex(/^[0-9 +().-]{6,20}$/, 'Số điện thoại không hợp lệ.').nullable().optional();
export const UsernameSchema = ShortText(60, 3)
  .regex(/^[a-zA-Z0-9._-]+$/, 'Tên đăng nhập chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới.');

/** Shared by POST /api/users and `thihanh user add`. */
export const CreateUserSchema = z.object({
  username: UsernameSchema,
  fullName: PersonName,
  email: EmailSchema,
  phone: PhoneSchema,
  unitId: z.number().int().positive(),
  roles: z.array(RoleSchema).min(1).max(5),
  // A password is taken byte for byte: it is hashed, never stored as text.
  password: z.string().max(200).optional(),
}).strict();
