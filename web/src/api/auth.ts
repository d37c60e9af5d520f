import { api, request } from './client.ts';
import type { Me } from './types.ts';

export const authApi = {
  /** The signed-in user, or null when there is no session. */
  async me(): Promise<Me | null> {
    try {
      return await request<Me>('/auth/me', { anonymous: true });
    } catch (e) {
      if ((e as { status?: number }).status === 401) return null;
      throw e;
    }
  },
  login: (username: string, password: string) =>
    request<Me>('/auth/login', { method: 'POST', body: { username, password }, anonymous: true }),
  logout: () => request<unknown>('/auth/logout', { method: 'POST', anonymous: true }),
  changePassword: (currentPassword: string, newPassword: string) =>
    api.post<unknown>('/auth/password', { currentPassword, newPassword }),
};
