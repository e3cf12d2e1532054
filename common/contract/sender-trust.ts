import { z } from 'zod';

/** One method's verdict as RFC 8601 names it; `none` also when the server wrote nothing for it. */
export const AuthVerdict = z.enum([
  'pass',
  'fail',
  'softfail',
  'neutral',
  'none',
  'temperror',
  'permerror',
  'policy',
]);
export type AuthVerdict = z.infer<typeof AuthVerdict>;

/** What the province's own receiving server found (its Authentication-Results, nobody else's). */
export const SenderAuthentication = z
  .object({
    authservId: z.string(),
    spf: AuthVerdict,
    dkim: AuthVerdict,
    dmarc: AuthVerdict,
  })
  .meta({ id: 'SenderAuthentication' });
export type SenderAuthentication = z.infer<typeof SenderAuthentication>;

export const senderWarningCodes = [
  /** The From domain imitates a government domain (look-alike, confusable letters, punycode). */
  'lookalike_domain',
  /** The display name claims an official title ("Chủ tịch") from an outside address. */
  'official_title_outside',
  /** The display name is a colleague's from the province directory, from an outside address. */
  'colleague_name_outside',
  /** The display name holds another e-mail address than the real one. */
  'address_in_name',
  /** Replies would go to another domain than the sender's. */
  'reply_to_other_domain',
] as const;
export const SenderWarningCode = z.enum(senderWarningCodes);
export type SenderWarningCode = z.infer<typeof SenderWarningCode>;

export const SenderWarning = z
  .object({
    code: SenderWarningCode,
    /** What the text names: the domain, the title, the name, the address (all plain text). */
    facts: z.record(z.string(), z.string()),
  })
  .meta({ id: 'SenderWarning' });
export type SenderWarning = z.infer<typeof SenderWarning>;

/** Who really sent a message, as far as the province's servers and the address can tell. */
export const SenderTrust = z
  .object({
    /** Null when no Authentication-Results of the province's own server is in the message. */
    authentication: SenderAuthentication.nullable(),
    /** From outside the government's mail domains (GOVERNMENT_DOMAINS). */
    outside: z.boolean(),
    warnings: z.array(SenderWarning),
  })
  .meta({ id: 'SenderTrust' });
export type SenderTrust = z.infer<typeof SenderTrust>;
