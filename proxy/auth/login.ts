import type { AppContext } from '../app-context';

/**
 * Log-in is an IMAP LOGIN at the provider: the provider stays the one authority for passwords.
 * The verified connection is kept in the pool for the user's first requests.
 */
export async function logIn(
  ctx: AppContext,
  credentials: { email: string; password: string },
  meta: { ip?: string; userAgent?: string },
) {
  await ctx.imap.login(credentials);
  return ctx.sessions.create(credentials.email, credentials.password, meta);
}

export async function logOut(ctx: AppContext, session: { idHash: string; email: string }) {
  ctx.sessions.destroy(session.idHash);
  await ctx.imap.release(session.email);
}
