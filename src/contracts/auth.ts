// What the sign-in routes take and answer: one contract for the server, the OpenAPI document and the web app (types).
// Pure: no node: modules, no database, nothing from src/modules.
import { z } from '@hono/zod-openapi';
import { ROLES } from '../domain/permissions.ts';
import { Instant, ShortText } from './common.ts';

// A password is a secret, not text: taken byte for byte (cleaning it would lock out whoever set it); it never reaches
// the database, only the hash.
export const Password = z.string().min(1).max(200);

export const LoginBodySchema = z.object({ username: ShortText(100, 1), password: Password }).strict();
export const ChangePasswordBodySchema = z.object({ currentPassword: Password, newPassword: Password }).strict();

/**
 * What the signed-in person may do somewhere, for the menus and home page: computed with the one rule on the server,
 * so the web app never re-decides. Controls on one record follow that record's own `can`.
 */
export const SessionCanSchema = z
  .object({
    /** Reads some unit's records: work, obstacles, reports, dashboard. */
    followWork: z.boolean(),
    /** Drafts plans somewhere ("Nhập kế hoạch"). */
    draftPlans: z.boolean(),
    /** Writes their own unit's records (its reports). */
    editOwnUnit: z.boolean(),
    /** Administers accounts somewhere ("Quản lý tài khoản"). */
    manageUsers: z.boolean(),
    /** Browses the audit trail ("Nhật ký"). */
    readAudit: z.boolean(),
    /** Roles they may grant (a unit admin never grants sysadmin). */
    grantRoles: z.array(z.enum(ROLES)),
  })
  .openapi('SessionPermissions');

export const SessionUserSchema = z
  .object({
    id: z.number(),
    username: z.string(),
    fullName: z.string(),
    email: z.string().nullable(),
    unitId: z.number(),
    unitName: z.string(),
    unitCode: z.string(),
    unitKind: z.string(),
    roles: z.array(z.enum(ROLES)),
    mustChangePassword: z.boolean(),
    isDemo: z.boolean(),
    can: SessionCanSchema,
  })
  .openapi('SessionUser');

export const MeSchema = z.object({ user: SessionUserSchema, csrfToken: z.string(), expiresAt: Instant }).openapi('Me');

export type SessionCan = z.infer<typeof SessionCanSchema>;
export type SessionUser = z.infer<typeof SessionUserSchema>;
export type Me = z.infer<typeof MeSchema>;
