import { safeReturnPath, type ReturnPathArea } from './staff-paths.ts';

/** Where residents and businesses sign in and out of the portal; the session check sends browsers here. */
export const RESIDENT_PATHS = {
  home: '/mijn',
  signIn: '/inloggen',
  /** Sends the browser to the identity broker (`?middel=digid|eherkenning|demo`). */
  signInStart: '/inloggen/start',
  callback: '/inloggen/terugkeer',
  signOut: '/uitloggen',
  /** POST: "Blijf ingelogd" in the time-out warning. */
  keepAlive: '/mijn/sessie',
} as const;

const RESIDENT_AREA: ReturnPathArea = { home: RESIDENT_PATHS.home, signIn: RESIDENT_PATHS.signIn };

/** The portal page to return to after sign-in, when `value` is a path on this site; otherwise Mijn omgeving. */
export function safeResidentReturnPath(value: unknown): string {
  return safeReturnPath(value, RESIDENT_AREA);
}

/** The sign-in page, carrying where to go afterwards and whether the previous session just ran out. */
export function residentSignInLocation(returnPath: string, expired: boolean): string {
  const query = new URLSearchParams();
  if (returnPath !== RESIDENT_PATHS.home) query.set('terug', returnPath);
  if (expired) query.set('verlopen', '1');
  const text = query.toString();
  return text === '' ? RESIDENT_PATHS.signIn : `${RESIDENT_PATHS.signIn}?${text}`;
}
