/** Who is signed in: loaded once from GET /api/session, cleared on sign-out or a 401. */
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, onSignedOut } from '../api/client';

export interface Me {
  id: string;
  username: string;
  displayName: string;
  platformId: string;
  roles: string[];
  isDemo: boolean;
}

interface SessionState {
  me: Me | null;
  isLoading: boolean;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [isLoading, setLoading] = useState(true);
  useEffect(() => {
    api
      .get<Me>('/api/session')
      .then(setMe, () => setMe(null))
      .finally(() => setLoading(false));
    return onSignedOut(() => setMe(null));
  }, []);
  const signIn = useCallback(async (username: string, password: string) => {
    setMe(await api.post<Me>('/api/session', { username, password }));
  }, []);
  const signOut = useCallback(async () => {
    await api.delete('/api/session').catch(() => undefined);
    setMe(null);
  }, []);
  return <SessionContext.Provider value={{ me, isLoading, signIn, signOut }}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession needs a SessionProvider above it');
  return session;
}

export const isAdmin = (me: Me | null): boolean => !!me && me.roles.some((role) => role === 'platform-admin' || role === 'province-admin');

/** Staff work cases at the desk; platform admins may too (they cover a window when needed). */
export const isDeskUser = (me: Me | null): boolean => !!me && me.roles.some((role) => role === 'staff' || role === 'platform-admin');

/** Where a user lands after signing in without a page to return to: admins the studio, staff the desk, applicants their cases. */
export const homeOf = (me: Me): string => (isAdmin(me) ? '/studio' : isDeskUser(me) ? '/desk' : '/portal');
