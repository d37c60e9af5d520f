import { z } from '@hono/zod-openapi';
import { ROLES } from '../../domain/permissions.ts';

export const RoleSchema = z.enum(ROLES);
export const EmailSchema = z.string().trim().max(200).email().nullable().optional();
export const PhoneSchema = z.string().trim().regex(/^[0-9 +().-]{6,20}$/, 'Số điện thoại không hợp lệ.').nullable().optional();
export const UsernameSchema = z.string().trim().min(3).max(60)
  .regex(/^[a-zA-Z0-9._-]+$/, 'Tên đăng nhập chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới.');

/** Shared by POST /api/users and `thihanh user add`. */
export const CreateUserSchema = z.object({
  username: UsernameSchema,
  fullName: z.string().trim().min(2).max(120),
  email: EmailSchema,
  phone: PhoneSchema,
  unitId: z.number().int().positive(),
  roles: z.array(RoleSchema).min(1).max(5),
  password: z.string().max(200).optional(),
}).strict();
