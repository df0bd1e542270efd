import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useEffect } from 'react';
import type { TSessionUser } from '../../../contracts/auth';
import { ApiError, api, onApiError, setCsrfToken } from '../api/client';

type AuthState = {
  user: TSessionUser | null;
  loading: boolean;
  can: (permission: string) => boolean;
  refresh: () => Promise<unknown>;
};

const AuthContext = createContext<AuthState>({
  user: null,
  loading: true,
  can: () => false,
  refresh: async () => undefined,
});

export const sessionKey = ['session'] as const;

export const AuthProvider = ({ children }: { children: ReactNode }) => {
  const client = useQueryClient();
  const session = useQuery({
    queryKey: sessionKey,
    queryFn: async () => {
      try {
        const s = await api.GET('/api/auth/session');
        setCsrfToken(s.csrfToken);
        return s;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
    retry: false,
  });
  // Any 401 means the session ended: forget it and go back to the login page.
  useEffect(
    () =>
      onApiError((error) => {
        if (error.status === 401 && error.code === 'UNAUTHENTICATED') {
          client.setQueryData(sessionKey, null);
        }
      }),
    [client],
  );
  const user = session.data?.user ?? null;
  return (
    <AuthContext.Provider
      value={{
        user,
        loading: session.isLoading,
        can: (p) => Boolean(user?.permissions.includes(p)),
        refresh: () => session.refetch(),
      }}
    >
      {children}
    </AuthContext.Provider>
  );
};

export const useAuth = () => useContext(AuthContext);
