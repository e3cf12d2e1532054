import { z } from 'zod';
import { parseScope } from '../policy/api-client-access';
import { Recipient, SUBJECT_MAX } from './compose';

/**
 * Đ14.2g: API clients — other government software (the province's document management system)
 * acting for one unit mailbox. The console creates, rotates and revokes them; the token is shown
 * once and only its SHA-256 is kept.
 */
export const ApiScopeText = z
  .string()
  .max(210)
  .transform((s, ctx) => {
    const scope = parseScope(s);
    if (scope === null) {
      ctx.addIssue({ code: 'custom', message: 'api_scope_invalid' });
      return z.NEVER;
    }
    return scope;
  });

export const ApiClientView = z
  .object({
    id: z.string(),
    unitCode: z.string(),
    unitName: z.string().nullable(),
    /** The unit mailbox it sends and reads as. */
    mailbox: z.string(),
    name: z.string(),
    scopes: z.array(z.string()),
    /** The token's first characters (prefix included), to tell tokens apart; never the token. */
    tokenHint: z.string(),
    expiresAt: z.iso.datetime(),
    createdAt: z.iso.datetime(),
    createdBy: z.string(),
    rotatedAt: z.iso.datetime().nullable(),
    revokedAt: z.iso.datetime().nullable(),
    lastUsedAt: z.iso.datetime().nullable(),
    state: z.enum(['active', 'expired', 'revoked']),
  })
  .meta({ id: 'ApiClient' });
export type ApiClientView = z.infer<typeof ApiClientView>;

export const ApiClientList = z.object({ clients: z.array(ApiClientView) }).meta({ id: 'ApiClientList' });
export type ApiClientList = z.infer<typeof ApiClientList>;

const vietnamDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const ApiClientCreate = z
  .object({
    /** The unit whose mailbox (its `mailbox` in the unit tree) the client acts for. */
    unitCode: z.string().trim().toLowerCase().min(1).max(30),
    /** Who uses it, shown in every audit entry: "Hệ thống QLVB tỉnh". */
    name: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .transform((s) => s.normalize('NFC')),
    scopes: z.array(ApiScopeText).min(1).max(20),
    /** The last day (Asia/Ho_Chi_Minh) the token works, at most two years ahead. */
    expiresOn: vietnamDay,
  })
  .meta({ id: 'ApiClientCreate' });
export type ApiClientCreate = z.input<typeof ApiClientCreate>;

export const ApiClientIdParams = z.object({ id: z.string().trim().min(1).max(64) });

/** The answer of create and rotate: the only time the token is ever shown. */
export const ApiClientWithToken = z
  .object({ client: ApiClientView, token: z.string() })
  .meta({ id: 'ApiClientWithToken' });
export type ApiClientWithToken = z.infer<typeof ApiClientWithToken>;

const ATTACHMENT_BASE64_MAX = 30_000_000;

export const ServiceAttachment = z
  .object({
    filename: z
      .string()
      .trim()
      .min(1)
      .max(255)
      .refine((s) => !/\p{Cc}/u.test(s), { message: 'control_characters' })
      .transform((s) => s.normalize('NFC')),
    contentType: z
      .string()
      .trim()
      .max(100)
      .regex(/^[\w.+-]+\/[\w.+-]+$/)
      .default('application/octet-stream'),
    /** The file's bytes, base64. */
    contentBase64: z
      .string()
      .max(ATTACHMENT_BASE64_MAX)
      .regex(/^[A-Za-z0-9+/\r\n]*={0,2}[\r\n]*$/),
  })
  .meta({ id: 'ServiceAttachment' });

/** A message sent as the unit mailbox. The sender is the client's mailbox, never a field. */
export const ServiceSendBody = z
  .object({
    to: z.array(Recipient).max(500).default([]),
    cc: z.array(Recipient).max(500).default([]),
    bcc: z.array(Recipient).max(500).default([]),
    subject: z
      .string()
      .max(SUBJECT_MAX)
      .refine((s) => !/\p{Cc}/u.test(s), { message: 'control_characters' })
      .transform((s) => s.normalize('NFC'))
      .default(''),
    text: z.string().max(5_000_000).default(''),
    /** Sanitised by the proxy like a person's; the text part is then made from it. */
    html: z.string().max(5_000_000).nullable().default(null),
    attachments: z.array(ServiceAttachment).max(100).default([]),
    /**
     * Đ3.1: the caller's declaration that it checked the message carries no state secret. Needed
     * when the subject or a file name bears a MẬT / TỐI MẬT / TUYỆT MẬT stamp; recorded in the audit.
     */
    stateSecretChecked: z.boolean().default(false),
  })
  .meta({ id: 'ServiceSendBody' });
export type ServiceSendBody = z.input<typeof ServiceSendBody>;

export const ServiceSendResult = z
  .object({
    messageId: z.string(),
    /** The unit mailbox it went from. */
    from: z.string(),
    recipients: z.number().int().nonnegative(),
    refused: z.array(z.string()),
    sentCopySaved: z.boolean(),
  })
  .meta({ id: 'ServiceSendResult' });
export type ServiceSendResult = z.infer<typeof ServiceSendResult>;
