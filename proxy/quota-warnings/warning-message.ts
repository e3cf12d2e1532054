import { randomBytes } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { Config } from '../config';
import { interpolate, type Locale, quotaWarningMailTexts, sizeText } from '../i18n/catalogue';
import type { QuotaLevel } from '../policy/quota-level';

export type WarningLevel = Exclude<QuotaLevel, 'ok'>;

export interface QuotaWarningFacts {
  email: string;
  level: WarningLevel;
  usedBytes: number;
  limitBytes: number;
  /** Whole percent, rounded down: the message never claims more than is used. */
  percent: number;
}

export interface QuotaWarningMessage {
  raw: Buffer;
  subject: string;
  messageId: string;
}

/**
 * Đ7.2c: the warning put into the mailbox, from the system, in the deployment's language. Plain
 * text only: it must read the same in every client, including the phone apps people forward to.
 */
export async function buildQuotaWarningMessage(
  facts: QuotaWarningFacts,
  org: Config['org'],
  date: Date,
): Promise<QuotaWarningMessage> {
  const locale: Locale = org.defaultLocale;
  const t = quotaWarningMailTexts(locale);
  const values = {
    email: facts.email,
    used: sizeText(facts.usedBytes, locale),
    limit: sizeText(facts.limitBytes, locale),
    percent: facts.percent,
    supportAddress: org.supportAddress,
    productName: org.productName,
    orgName: org.name,
  };
  const fill = (template: string) => interpolate(template, values);
  const subject = fill(t.subject[facts.level]);
  const text = [
    fill(t.greeting),
    '',
    fill(t.usage),
    fill(t.consequence[facts.level]),
    '',
    fill(t.whatToDo),
    `- ${fill(t.emptyTrash)}`,
    `- ${fill(t.deleteLarge)}`,
    `- ${fill(t.archiveOld)}`,
    '',
    fill(t.contact),
    '',
    '-- ',
    fill(t.automatic),
    '',
  ].join('\r\n');
  const messageId = `<quota-warning.${facts.level}.${date.getTime()}.${randomBytes(6).toString('hex')}@${org.mailDomain}>`;
  const raw = await new MailComposer({
    from: { name: org.productName, address: org.systemSender },
    to: facts.email,
    subject,
    text,
    date,
    messageId,
    headers: {
      // RFC 3834: vacation responders and auto-forwarders must not answer it.
      'Auto-Submitted': 'auto-generated',
      // Outlook/Exchange ignore Auto-Submitted for their out-of-office replies.
      'X-Auto-Response-Suppress': 'All',
      'Content-Language': locale,
    },
  })
    .compile()
    .build();
  return { raw, subject, messageId };
}
