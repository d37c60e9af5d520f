// The session: who is signed in, loaded once from GET /api/auth/me, kept in a context.
import { createContext, use, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { authApi } from '../api/auth.ts';
import { configureClient, setCsrfToken } from '../api/client.ts';
import type { Me, SessionUser } from '../api/types.ts';

export type SessionStatus = 'loading' | 'signedIn' | 'signedOut' | 'error';

export interface Session {
  status: SessionStatus;
  user: SessionUser | null;
  /** Why the last session ended ("expired"), shown on the login page. */
  endedReason: 'expired' | null;
  login(username: string, password: string): Promise<SessionUser>;
  logout(): Promise<void>;
  /** Re-reads /api/auth/me (after a password change, for example). */
  refresh(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<SessionStatus>('loading');
  const [user, setUser] = useState<SessionUser | null>(null);
  const [endedReason, setEndedReason] = useState<'expired' | null>(null);

  const userRef = useRef<SessionUser | null>(null);

  const apply = useCallback((me: Me | null) => {
    setCsrfToken(me?.csrfToken ?? null);
    userRef.current = me?.user ?? null;
    setUser(me?.user ?? null);
    setStatus(me ? 'signedIn' : 'signedOut');
  }, []);

  const refresh = useCallback(async () => {
    try {
      apply(await authApi.me());
    } catch {
      setStatus((s) => (s === 'loading' ? 'error' : s));
    }
  }, [apply]);

  useEffect(() => {
    configureClient({
      onUnauthorized: () => {
        if (userRef.current) {
          setEndedReason('expired');
          notifications.show({
            color: 'orange',
            title: 'Phiên đăng nhập đã hết hạn',
            message: 'Vui lòng đăng nhập lại để tiếp tục.',
          });
        }
        apply(null);
        queryClient.clear();
      },
      refreshCsrf: async () => {
        const me = await authApi.me().catch(() => null);
        return me?.csrfToken ?? null;
      },
    });
    void refresh();
  }, [apply, queryClient, refresh]);

  const login = useCallback(
    async (username: string, password: string) => {
      const me = await authApi.login(username, password);
      queryClient.clear();
      setEndedReason(null);
      apply(me);
      return me.user;
    },
    [apply, queryClient],
  );

  const logout = useCallback(async () => {
    try {
      await authApi.logout();
    } finally {
      queryClient.clear();
      setEndedReason(null);
      apply(null);
    }
  }, [apply, queryClient]);

  const value = useMemo<Session>(
    () => ({ status, user, endedReason, login, logout, refresh }),
    [status, user, endedReason, login, logout, refresh],
  );
  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSession(): Session {
  const s = use(SessionContext);
  if (!s) throw new Error('useSession() must be used inside <SessionProvider>');
  return s;
}

/** The signed-in user; only for pages behind <RequireAuth>. */
export function useCurrentUser(): SessionUser {
  const { user } = useSession();
  if (!user) throw new Error('useCurrentUser() used outside a signed-in route');
  return user;
}
