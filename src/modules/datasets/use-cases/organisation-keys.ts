// Access keys of organisation accounts and the codes that recover a lost one: random, shown or mailed once, kept only
// as their SHA-256.
import { createHash, randomBytes } from 'node:crypto';
import { notFound } from '../../../domain/errors.ts';
import { PROVINCE_CODE } from '../../../domain/org/reference.ts';
import type { Target } from '../../../domain/permissions.ts';
import type { Ctx } from '../../context.ts';
import { getUnitByCode } from '../../org/index.ts';

export const KEY_PREFIX = 'thk_';

export const sha256 = (secret: string) => createHash('sha256').update(secret, 'utf8').digest('hex');

export function newAccessKey(): { key: string; hash: string; hint: string } {
  const key = `${KEY_PREFIX}${randomBytes(24).toString('base64url')}`;
  return { key, hash: sha256(key), hint: key.slice(-4) };
}

/** A recovery code: long enough not to be guessed in its hour, short enough to copy from an e-mail. */
export function newRecoveryCode(): { code: string; hash: string } {
  const code = randomBytes(18).toString('base64url');
  return { code, hash: sha256(code) };
}

/** The province's root unit: organisation accounts are the province's, managed by its unit administrators. */
export async function provinceTarget(ctx: Pick<Ctx, 'db'>): Promise<Target & { unitId: number }> {
  const province = await getUnitByCode(ctx.db, PROVINCE_CODE);
  if (!province) throw notFound('tỉnh');
  return { unitPath: province.path, unitId: province.id };
}
