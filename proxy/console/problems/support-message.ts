import { randomBytes } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { ProblemKind } from '../../../common/contract';
import en from '../../../common/i18n/en.json' with { type: 'json' };
import vi from '../../../common/i18n/vi.json' with { type: 'json' };
import { dateTimeParts } from '../../../common/policy/vietnam-date';
import type { Config } from '../../config';
import { interpolate } from '../../i18n/catalogue';

export interface ReportFacts {
  id: number;
  reporter: string;
  kind: ProblemKind;
  note: string | null;
  at: Date;
  /** A message report: the reported message as the user's mailbox holds it. */
  message?: { raw: Buffer; subject: string; sender: string; mailbox: string };
  /** A fault report: where the user was and with what. */
  page?: string | null;
  userAgent?: string | null;
}

/** "10:05 29/11/2026": the time first, as the support mail's sentence reads. */
const timeText = (at: Date, timeZone: string) => {
  const p = dateTimeParts(at, timeZone);
  return `${p.hour}:${p.minute} ${p.day}/${p.month}/${p.year}`;
};

/**
 * Đ13.7: the report as it reaches the support mailbox (hotro@…). The reported message goes as an
 * untouched message/rfc822 attachment, so support sees its headers (Received, DKIM, the real
 * sender) and can pass it on to a spam filter's training or an antivirus as it is. Reply-To is the
 * reporter: support answers the person, not the system sender.
 */
export async function buildSupportMessage(facts: ReportFacts, org: Config['org']): Promise<Buffer> {
  const t = (org.defaultLocale === 'en' ? en : vi).problemReport;
  const kind = t.kinds[facts.kind];
  const fill = (template: string, values: Record<string, string | number> = {}) =>
    interpolate(template, { reporter: facts.reporter, kind, productName: org.productName, ...values });
  const lines = [
    fill(t.mail.intro),
    fill(t.mail.kind),
    fill(t.mail.time, { time: timeText(facts.at, org.timeZone) }),
  ];
  if (facts.message) {
    lines.push(
      fill(t.mail.message, {
        subject: facts.message.subject,
        sender: facts.message.sender,
        mailbox: facts.message.mailbox,
      }),
    );
  }
  if (facts.page) lines.push(fill(t.mail.page, { page: facts.page }));
  if (facts.userAgent) lines.push(fill(t.mail.browser, { userAgent: facts.userAgent }));
  lines.push(
    '',
    fill(t.mail.note),
    facts.note ?? fill(t.mail.noNote),
    '',
    fill(t.mail.queue, { id: facts.id }),
    '',
  );
  return new MailComposer({
    from: { name: org.productName, address: org.systemSender },
    to: org.supportAddress,
    replyTo: facts.reporter,
    subject: fill(t.mail.subject),
    text: lines.join('\r\n'),
    date: facts.at,
    messageId: `<problem-report.${facts.id}.${randomBytes(6).toString('hex')}@${org.mailDomain}>`,
    headers: { 'Auto-Submitted': 'auto-generated', 'X-Problem-Report': `${facts.id}; ${facts.kind}` },
    attachments: facts.message
      ? [
          {
            filename: t.mail.attachmentName,
            content: facts.message.raw,
            contentType: 'message/rfc822',
            // nodemailer shows message/rfc822 inline by default; readers then fold it into the text.
            contentDisposition: 'attachment' as const,
          },
        ]
      : [],
  })
    .compile()
    .build();
}
