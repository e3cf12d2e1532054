import SMTPConnection from 'nodemailer/lib/smtp-connection';
import { mailStackPorts } from '../mailstack/paths';

export interface LmtpMessage {
  from: string;
  to: string[];
  raw: Buffer;
}

export interface LmtpDelivery {
  accepted: string[];
  rejected: { recipient: string; response: string }[];
}

/**
 * Delivers straight into Dovecot over LMTP (127.0.0.1:10024), the way Postfix does: the mail
 * goes through Dovecot's quota checks and indexing like any received message. One connection
 * for the whole batch; LMTP answers per recipient, so a full or unknown mailbox is reported
 * without failing the others.
 */
export async function deliverViaLmtp(
  messages: LmtpMessage[],
  target: { host: string; port: number } = { host: mailStackPorts.host, port: mailStackPorts.lmtp },
): Promise<LmtpDelivery[]> {
  const connection = new SMTPConnection({
    host: target.host,
    port: target.port,
    lmtp: true,
    secure: false,
    ignoreTLS: true,
    name: 'seed.localhost',
    connectionTimeout: 10_000,
    socketTimeout: 60_000,
  });
  await new Promise<void>((resolve, reject) => {
    connection.once('error', reject);
    connection.connect((err) => (err ? reject(err) : resolve()));
  });
  try {
    const results: LmtpDelivery[] = [];
    for (const message of messages) {
      results.push(await sendOne(connection, message));
    }
    return results;
  } finally {
    connection.quit();
  }
}

function sendOne(connection: SMTPConnection, message: LmtpMessage): Promise<LmtpDelivery> {
  return new Promise((resolve, reject) => {
    connection.send({ from: message.from, to: message.to }, message.raw, (err, info) => {
      if (!err) return resolve(outcomeOf(info));
      // Every recipient refused at RCPT: a result, not a failure, but the transaction is still
      // open, so RSET before the next message can start with MAIL FROM.
      if (!('rejected' in err)) return reject(err);
      connection.reset((resetError) => (resetError ? reject(resetError) : resolve(outcomeOf(err))));
    });
  });
}

function outcomeOf(result: Partial<SMTPConnection.SentMessageInfo>): LmtpDelivery {
  return {
    accepted: result.accepted ?? [],
    rejected: (result.rejectedErrors ?? []).map((e) => ({
      recipient: (e as { recipient?: string }).recipient ?? '',
      response: e.response ?? e.message,
    })),
  };
}
