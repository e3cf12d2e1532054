import SMTPConnection from 'nodemailer/lib/smtp-connection';

export interface LmtpTarget {
  host: string;
  port: number;
}

export type DeliveryFailureCode = 'mailbox_full' | 'recipient_refused' | 'lmtp_unavailable';

export type DeliveryOutcome =
  | { delivered: true }
  | { delivered: false; code: DeliveryFailureCode; response: string; temporary: boolean };

/**
 * Puts one message into one mailbox over LMTP, the way the MTA delivers (Dovecot's quota check,
 * indexing and Sieve apply): the warning reaches accounts that never log in. One connection per
 * message: warnings are few, and a dropped connection then costs one warning, not the rest.
 */
export async function deliverOverLmtp(
  target: LmtpTarget,
  envelope: { from: string; to: string },
  raw: Buffer,
): Promise<DeliveryOutcome> {
  const connection = new SMTPConnection({
    host: target.host,
    port: target.port,
    lmtp: true,
    secure: false,
    // LMTP is a local protocol (RFC 2033): loopback or a private network to the mail store.
    ignoreTLS: true,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 60_000,
  });
  connection.on('error', () => undefined); // reported through connect/send below
  try {
    await new Promise<void>((resolve, reject) => {
      connection.once('error', reject);
      connection.connect(() => resolve());
    });
  } catch (error) {
    connection.close();
    return failure('lmtp_unavailable', (error as Error).message, true);
  }
  try {
    return await new Promise<DeliveryOutcome>((resolve) => {
      connection.send({ from: envelope.from, to: [envelope.to] }, raw, (err, info) => {
        // LMTP answers after DATA per recipient: a full mailbox is a "rejected" recipient of a
        // transaction that otherwise went through; a refusal at RCPT TO arrives as an error.
        const rejected = err
          ? (err as { rejectedErrors?: SMTPConnection.SMTPError[] }).rejectedErrors
          : info?.rejectedErrors;
        const refusal = rejected?.[0] ?? (err as SMTPConnection.SMTPError | null);
        if (!refusal && info?.accepted?.length) return resolve({ delivered: true });
        resolve(classify(refusal ?? { message: 'no recipient accepted' }));
      });
    });
  } finally {
    connection.quit();
  }
}

/** 5.2.2 / 4.2.2 (RFC 3463: mailbox full) is the quota; the rest are the server's own reasons. */
function classify(error: { response?: string; responseCode?: number; message: string }): DeliveryOutcome {
  const response = error.response ?? error.message;
  const temporary = error.responseCode === undefined || error.responseCode < 500;
  if (/\b[45]\.2\.2\b/.test(response) || /quota/i.test(response)) {
    return failure('mailbox_full', response, temporary);
  }
  if (error.responseCode === undefined) return failure('lmtp_unavailable', response, true);
  return failure('recipient_refused', response, temporary);
}

function failure(code: DeliveryFailureCode, response: string, temporary: boolean): DeliveryOutcome {
  return { delivered: false, code, response, temporary };
}
