import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type Session, sessionSchema } from "@thuocdo/contract";
import { ApiError, type BodyOf, call, setCsrfToken } from "../client.ts";

export const sessionKey = ["session"] as const;

/** The current session, or null when nobody is logged in (401 is an answer here, not an error). */
export async function fetchSession(): Promise<Session | null> {
  try {
    const session = sessionSchema.parse(await call("session"));
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 5 * 60_000 });
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<"login">) => call("login", { body }),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      // A new user must not see the previous user's cached lists.
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
      qc.setQueryData(sessionKey, session);
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => call("logout"),
    onSettled: () => {
      setCsrfToken(null);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
      qc.setQueryData(sessionKey, null);
    },
  });
}

export function useChangePassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<"changePassword">) => call("changePassword", { body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: sessionKey }),
  });
}
