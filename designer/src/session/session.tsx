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
  /** warn: change it soon (banner); expired: the change dialog opens and cannot be dismissed. */
  password: { state: 'ok' | 'warn' | 'expired'; reason: 'age' | 'one-time' | null; expiresAt: string | null; daysLeft: number | null };
}

interface SessionState {
  me: Me | null;
  isLoading: boolean;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  /** Changes the password (the server lists each broken rule), then reloads who is signed in. */
  changePassword(input: { currentPassword?: string; newPassword: string }): Promise<void>;
  /** The change-password dialog: opened from the user menu or the warning, and by itself when the password expired. */
  isPasswordDialogOpen: boolean;
  setPasswordDialogOpen(isOpen: boolean): void;
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
  const [isPasswordDialogOpen, setPasswordDialogOpen] = useState(false);
  const changePassword = useCallback(async (input: { currentPassword?: string; newPassword: string }) => {
    await api.post('/api/session/password', input);
    setMe(await api.get<Me>('/api/session'));
  }, []);
  return (
    <SessionContext.Provider value={{ me, isLoading, signIn, signOut, changePassword, isPasswordDialogOpen, setPasswordDialogOpen }}>{children}</SessionContext.Provider>
  );
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
