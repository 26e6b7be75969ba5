import { useSyncExternalStore } from 'react';

/** The signed-in session: the token lives for the browser session (sessionStorage), with the chosen role. */
export interface Session {
  token: string;
  expiresAt: string;
  /** id of the role grant the user acts in (a user may hold several) */
  grantId?: string;
}

const KEY = 'sg.session';
const listeners = new Set<() => void>();
let cached: Session | null | undefined;

const read = (): Session | null => {
  if (cached !== undefined) return cached;
  try {
    const s = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as Session | null;
    cached = s && Date.parse(s.expiresAt) > Date.now() ? s : null;
  } catch {
    cached = null;
  }
  return cached;
};

const write = (s: Session | null) => {
  cached = s;
  if (s) sessionStorage.setItem(KEY, JSON.stringify(s));
  else sessionStorage.removeItem(KEY);
  listeners.forEach((l) => l());
};

export const auth = {
  get: read,
  token: () => read()?.token ?? null,
  signIn: (token: string, expiresAt: string) => write({ token, expiresAt }),
  chooseGrant: (grantId: string) => {
    const s = read();
    if (s) write({ ...s, grantId });
  },
  /** Why the session ended, shown once on the sign-in page. */
  signOut: (reason?: 'ended') => {
    if (reason) sessionStorage.setItem('sg.ended', reason);
    write(null);
  },
  takeEndedReason: () => {
    const r = sessionStorage.getItem('sg.ended');
    sessionStorage.removeItem('sg.ended');
    return r;
  },
  subscribe: (l: () => void) => {
    listeners.add(l);
    return () => listeners.delete(l);
  },
};

export const useSession = () => useSyncExternalStore(auth.subscribe, read);
