/** Where staff sign in and out; the session check sends browsers here. */
export const STAFF_PATHS = {
  home: '/medewerker',
  signIn: '/medewerker/inloggen',
  code: '/medewerker/inloggen/code',
  signOut: '/medewerker/uitloggen',
  oidcStart: '/medewerker/inloggen/oidc',
  oidcCallback: '/medewerker/inloggen/oidc/callback',
} as const;

/** Longest return target kept; anything longer is not a page anyone bookmarked. */
const MAX_RETURN_PATH = 2000;

/** Backslashes, whitespace and control characters: browsers drop or reinterpret them in URLs. */
function hasUnsafeCharacter(text: string): boolean {
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (char === '\\' || /\s/.test(char) || code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/** Where a sign-in sends people by default, and the sign-in pages it must never send them back into. */
export interface ReturnPathArea {
  home: string;
  signIn: string;
}

const STAFF_AREA: ReturnPathArea = { home: STAFF_PATHS.home, signIn: STAFF_PATHS.signIn };

/**
 * The page to return to after sign-in, if `value` is a path on this same site; otherwise the area's
 * home page. Refuses absolute and scheme-relative URLs (`//evil.example`, `/\evil.example`),
 * backslashes and control characters, so `terug` cannot be used as an open redirect.
 */
export function safeReturnPath(value: unknown, area: ReturnPathArea = STAFF_AREA): string {
  const home = area.home;
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_RETURN_PATH) return home;
  if (!value.startsWith('/') || value.startsWith('//')) return home;
  // Browsers treat "\" like "/" and drop tabs and newlines, which would turn "/\host" or "/\t/host" into another origin.
  if (hasUnsafeCharacter(value)) return home;
  // Decoding must not reveal a scheme-relative target either.
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return home;
  }
  if (decoded.startsWith('//') || decoded.startsWith('/\\') || hasUnsafeCharacter(decoded.replace(/ /g, ''))) return home;
  // Never send someone back into the sign-in steps themselves.
  if (value.split('?')[0]?.startsWith(area.signIn)) return home;
  const url = new URL(value, 'http://loket.invalid');
  if (url.origin !== 'http://loket.invalid') return home;
  return url.pathname + url.search;
}

/** A URL with `terug` carried along, left out when it is the default. */
export function withReturnPath(path: string, returnPath: string): string {
  return returnPath === STAFF_PATHS.home ? path : `${path}?terug=${encodeURIComponent(returnPath)}`;
}

/** A sign-in step (password or code page) that returns to `returnPath`, saying so when a session expired. */
export function signInStepLocation(path: string, returnPath: string, expired: boolean): string {
  const base = withReturnPath(path, returnPath);
  return expired ? `${base}${base.includes('?') ? '&' : '?'}verlopen=1` : base;
}

/** The wait in the lock message: "Probeer het over 1 minuut opnieuw." / "… 5 minuten …". */
export function retryInMinutes(minutes: number): string {
  return `Probeer het over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} opnieuw.`;
}
