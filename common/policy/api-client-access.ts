/**
 * Đ14.2g: other government software (the province's document management system) acts for a unit
 * mailbox through an API client. What a client may do is its scopes; whether its token still
 * counts is its dates. PURE: the proxy's guard and the console's form ask the same questions.
 */
import {
  addDays,
  addMonths,
  dayNumber,
  startOfVietnamDay,
  type VietnamDate,
  vietnamDateOf,
} from './vietnam-date';

/** Every token starts with this, so a leaked one is recognised by secret scanners and people. */
export const API_TOKEN_PREFIX = 'bpk_';

/** `send` (as the unit mailbox), `directory:read`, `read:<folder>` (one IMAP folder, by its path). */
export type ApiScope = 'send' | 'directory:read' | `read:${string}`;

const MAX_FOLDER_LENGTH = 200;

/** The scope as written, or null when it is not one (an unknown word, an empty or odd folder). */
export function parseScope(text: string): ApiScope | null {
  const scope = text.trim().normalize('NFC');
  if (scope === 'send' || scope === 'directory:read') return scope;
  if (!scope.startsWith('read:')) return null;
  const folder = scope.slice('read:'.length);
  if (folder.length === 0 || folder.length > MAX_FOLDER_LENGTH) return null;
  // Control characters and IMAP wildcards name no single folder.
  if (/[\p{Cc}*%]/u.test(folder)) return null;
  return `read:${folder}`;
}

/** The scope an operation needs. */
export function scopeNeeded(
  operation: { kind: 'send' } | { kind: 'directory' } | { kind: 'read'; folder: string },
): ApiScope {
  if (operation.kind === 'send') return 'send';
  if (operation.kind === 'directory') return 'directory:read';
  return `read:${operation.folder.normalize('NFC')}`;
}

/** A folder is read only with its own scope: `read:INBOX` opens neither `Sent` nor `INBOX/Cũ`. */
export function hasScope(scopes: readonly string[], needed: ApiScope): boolean {
  return scopes.some((s) => s.normalize('NFC') === needed);
}

export type TokenState = 'active' | 'expired' | 'revoked';

/** Revoked wins over expired: the audit says what an admin did rather than what time did. */
export function tokenState(client: { expiresAt: number; revokedAt: number | null }, now: number): TokenState {
  if (client.revokedAt !== null) return 'revoked';
  if (now >= client.expiresAt) return 'expired';
  return 'active';
}

/** A token looks like ours: the prefix and 43 base64url characters (256 random bits). */
export function looksLikeApiToken(text: string): boolean {
  return text.startsWith(API_TOKEN_PREFIX) && /^[A-Za-z0-9_-]{43}$/.test(text.slice(API_TOKEN_PREFIX.length));
}

/** A fixed window of calls per client: how many it made in the window that started at `start`. */
export interface RateWindow {
  start: number;
  calls: number;
}

/**
 * One more call under a limit of `limit` calls per `windowMs`: allowed, or refused with the whole
 * seconds until the window ends (Retry-After). A refused call does not count.
 */
export function takeCall(
  window: RateWindow | undefined,
  now: number,
  limit: number,
  windowMs: number,
): { window: RateWindow; allowed: true } | { window: RateWindow; allowed: false; retryAfterSeconds: number } {
  const current = window && now - window.start < windowMs ? window : { start: now, calls: 0 };
  if (current.calls >= limit) {
    const retryAfterSeconds = Math.max(1, Math.ceil((current.start + windowMs - now) / 1000));
    return { window: current, allowed: false, retryAfterSeconds };
  }
  return { window: { start: current.start, calls: current.calls + 1 }, allowed: true };
}

/** A token lives at most this long; a longer need is a rotation, which the audit records. */
export const API_TOKEN_MAX_MONTHS = 24;

/**
 * The instant a token chosen to work through `expiresOn` (a day in Viet Nam) stops: the next
 * midnight there. null when that day is not after today or lies more than two years ahead.
 */
export function tokenExpiry(expiresOn: VietnamDate, now: Date): number | null {
  const today = vietnamDateOf(now);
  let day: number;
  try {
    day = dayNumber(expiresOn);
  } catch {
    return null;
  }
  if (day <= dayNumber(today) || day > dayNumber(addMonths(today, API_TOKEN_MAX_MONTHS))) return null;
  return startOfVietnamDay(addDays(expiresOn, 1)).getTime();
}
