import type { ImapFlow } from 'imapflow';
import type { NewProblemReport, ProblemReportReceipt } from '../../../common/contract';
import type { AppContext } from '../../app-context';
import { ApiError } from '../../errors';
import type { Credentials } from '../../mail/imap-pool';
import { withMailbox } from '../../mail/mailbox-lock';
import { moveMessages } from '../../mail/message-actions';
import { deliverOverLmtp } from '../../quota-warnings/deliver';
import type { ReportStore } from './report-store';
import { buildSupportMessage } from './support-message';

/** One person's reports in an hour: enough for a bad day, not enough to flood hotro@. */
export const REPORTS_PER_HOUR = 20;
const HOUR = 3_600_000;

interface Reported {
  raw: Buffer;
  subject: string;
  sender: string;
  messageId: string | null;
}

/**
 * Đ13.7: stores the report for the console's queue, sends it to the support mailbox over LMTP
 * with the message attached, and — for spam only — moves the message to Junk as "Report spam"
 * does in Gmail and Roundcube's markasjunk. Virus and suspicious mail stays where it is: support
 * may need the user to find it again, and moving it would not make it safer. Each attempt is
 * audited, refusals with their code.
 */
export async function submitProblemReport(
  ctx: AppContext,
  reports: ReportStore,
  user: Credentials,
  input: NewProblemReport,
  from: { userAgent: string | null; ip: string },
  now = new Date(),
): Promise<{ receipt: ProblemReportReceipt; forwardError: string | null }> {
  const audit = (outcome: string, extra: Record<string, string | number | boolean> = {}) =>
    ctx.audit.record({
      actor: user.email,
      email: user.email,
      action: 'problem_report',
      outcome,
      ip: from.ip,
      details: { kind: input.kind, ...extra },
    });
  try {
    const submitted = await submit(ctx, reports, user, input, from.userAgent, now);
    const { id, forwarded, movedToJunk } = submitted.receipt;
    await audit('ok', { id, forwarded, movedToJunk });
    return submitted;
  } catch (err) {
    if (err instanceof ApiError) await audit(err.code);
    throw err;
  }
}

async function submit(
  ctx: AppContext,
  reports: ReportStore,
  user: Credentials,
  input: NewProblemReport,
  userAgent: string | null,
  now: Date,
): Promise<{ receipt: ProblemReportReceipt; forwardError: string | null }> {
  const recent = await reports.recentBy(user.email, new Date(now.getTime() - HOUR));
  if (recent.count >= REPORTS_PER_HOUR) {
    const waitMs = (recent.oldest?.getTime() ?? now.getTime()) + HOUR - now.getTime();
    throw new ApiError('too_many_reports', { minutes: Math.max(1, Math.ceil(waitMs / 60_000)) });
  }

  const message =
    input.kind === 'fault'
      ? null
      : await ctx.imap.withClient(user, (client) => fetchReported(client, input.mailbox, input.uid));
  const stored = await reports.create(
    input.kind === 'fault'
      ? {
          reporter: user.email,
          kind: 'fault',
          note: input.note,
          mailbox: null,
          uid: null,
          messageId: null,
          // The queue's "where" and "with what" for a fault (the table's message columns).
          subject: input.page ?? null,
          sender: userAgent,
        }
      : {
          reporter: user.email,
          kind: input.kind,
          note: input.note ?? null,
          mailbox: input.mailbox,
          uid: input.uid,
          messageId: message!.messageId,
          subject: message!.subject,
          sender: message!.sender,
        },
    now,
  );

  const raw = await buildSupportMessage(
    {
      id: stored.id,
      reporter: user.email,
      kind: stored.kind,
      note: stored.note,
      at: now,
      ...(message && input.kind !== 'fault'
        ? {
            message: {
              raw: message.raw,
              subject: message.subject,
              sender: message.sender,
              mailbox: input.mailbox,
            },
          }
        : { page: input.kind === 'fault' ? (input.page ?? null) : null, userAgent }),
    },
    ctx.config.org,
  );
  const delivery = await deliverOverLmtp(
    ctx.config.quotaWarnings.lmtp,
    { from: ctx.config.org.systemSender, to: ctx.config.org.supportAddress },
    raw,
  );
  if (delivery.delivered) await reports.markForwarded(stored.id);

  let movedToJunk = false;
  if (input.kind === 'spam') {
    const moved = await ctx.imap.withClient(user, (client) =>
      moveMessages(client, input.mailbox, { uids: [input.uid], filter: 'all' }, { special: 'junk' }),
    );
    movedToJunk = moved.count > 0;
  }
  return {
    receipt: { id: stored.id, forwarded: delivery.delivered, movedToJunk },
    forwardError: delivery.delivered ? null : delivery.code,
  };
}

/**
 * The message as the server holds it. Its size is bounded by the MTA's message size limit (it was
 * delivered), so it is read whole: it has to be one part of the report's own message anyway.
 */
async function fetchReported(client: ImapFlow, mailbox: string, uid: number): Promise<Reported> {
  return withMailbox(
    client,
    mailbox,
    async () => {
      const meta = await client.fetchOne(
        String(uid),
        { uid: true, envelope: true, source: true },
        { uid: true },
      );
      if (meta === false || !meta.source) throw new ApiError('message_not_found', { uid });
      const from = meta.envelope?.from?.[0];
      return {
        raw: meta.source,
        subject: (meta.envelope?.subject ?? '').normalize('NFC'),
        sender: from ? (from.name ? `${from.name} <${from.address ?? ''}>` : (from.address ?? '')) : '',
        messageId: meta.envelope?.messageId ?? null,
      };
    },
    { readOnly: true },
  );
}
