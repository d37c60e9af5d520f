// argon2id password hashing (PHC strings), and the password policy.
import { hash, verify } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';

export function hashPassword(password: string): Promise<string> {
  // @node-rs/argon2 defaults to argon2id.
  return hash(password, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
}

export async function verifyPassword(phc: string, password: string): Promise<boolean> {
  try {
    return await verify(phc, password);
  } catch {
    return false;
  }
}

/** Vietnamese reasons the password is too weak, empty when acceptable. */
export function passwordProblems(password: string, username?: string): string[] {
  const problems: string[] = [];
  if (password.length < 10) problems.push('Mật khẩu cần ít nhất 10 ký tự.');
  if (password.length > 200) problems.push('Mật khẩu dài tối đa 200 ký tự.');
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  if (classes < 3)
    problems.push('Mật khẩu cần có ít nhất 3 trong 4 loại: chữ thường, chữ hoa, chữ số, ký tự đặc biệt.');
  if (username && password.toLowerCase().includes(username.toLowerCase()))
    problems.push('Mật khẩu không được chứa tên đăng nhập.');
  return problems;
}

/** A temporary password that satisfies the policy, for resets; the user must change it at first login. */
export function temporaryPassword(): string {
  const raw = randomBytes(12).toString('base64url').replace(/[-_]/g, 'x');
  return `Th${raw}#9`;
}
