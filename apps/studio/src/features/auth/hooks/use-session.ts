import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { sessions, setCsrfToken, type Session, type SessionUser } from '../../../api/client';
import { resumeLive } from '../../../api/live-events';

export const sessionKey = ['session'] as const;

/** Who is logged in (null: nobody). Asked once at start; the log-in and log-out mutations keep it current. */
export function useSession() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: async () => {
      const s = await sessions.current();
      setCsrfToken(s?.csrfToken ?? null);
      return s;
    },
    staleTime: Infinity,
    retry: false,
  });
}

/** The logged-in person; only for components under the session guard. */
export function useCurrentUser(): SessionUser {
  const { data } = useSession();
  if (!data) throw new Error('useCurrentUser outside the session guard');
  return data.user;
}

export function useLogIn() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ email, password }: { email: string; password: string }) => sessions.logIn(email, password),
    onSuccess: (s: Session) => {
      setCsrfToken(s.csrfToken);
      qc.setQueryData(sessionKey, s);
      // A live stream the gateway refused while the session was over opens again with the new one.
      resumeLive();
    },
  });
}

export function useLogOut() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => sessions.logOut(),
    onSettled: () => {
      setCsrfToken(null);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
      qc.setQueryData(sessionKey, null);
    },
  });
}
