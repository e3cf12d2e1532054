import { z } from 'zod';
import { Address } from './messages';

/**
 * Message templates ("Mẫu thư"): the few replies a unit's clerk sends every day, saved once and
 * picked in compose. The body is HTML, sanitised by the proxy as outgoing mail is.
 */
export const TEMPLATE_LIMITS = {
  /** Templates one user may keep: a picker of a few dozen stays usable. */
  perUser: 50,
  nameLength: 80,
  subjectLength: 998,
  /** Bytes of body HTML (UTF-8): replies, not newsletters. */
  htmlBytes: 64 * 1024,
  recipients: 50,
} as const;

const TemplateAddress = Address.extend({
  name: z.string().max(200),
  address: z.string().max(320),
});

export const TemplateInput = z
  .object({
    name: z.string().trim().min(1).max(TEMPLATE_LIMITS.nameLength),
    subject: z.string().max(TEMPLATE_LIMITS.subjectLength).default(''),
    html: z.string().default(''),
    to: z.array(TemplateAddress).max(TEMPLATE_LIMITS.recipients).default([]),
    cc: z.array(TemplateAddress).max(TEMPLATE_LIMITS.recipients).default([]),
  })
  .meta({ id: 'TemplateInput' });
export type TemplateInput = z.input<typeof TemplateInput>;

/** A rename: only the name changes. */
export const TemplateRename = z
  .object({ name: z.string().trim().min(1).max(TEMPLATE_LIMITS.nameLength) })
  .meta({ id: 'TemplateRename' });

export const MessageTemplate = z
  .object({
    id: z.string(),
    name: z.string(),
    subject: z.string(),
    html: z.string(),
    to: z.array(Address),
    cc: z.array(Address),
    updatedAt: z.number(),
  })
  .meta({ id: 'MessageTemplate' });
export type MessageTemplate = z.infer<typeof MessageTemplate>;

export const TemplateList = z.object({ templates: z.array(MessageTemplate) }).meta({ id: 'TemplateList' });
export type TemplateList = z.infer<typeof TemplateList>;

export const TemplateParams = z.object({ id: z.string().min(1).max(64) });
