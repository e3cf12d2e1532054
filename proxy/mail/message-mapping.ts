import type { FetchMessageObject, MessageAddressObject } from 'imapflow';
import type { Address, MessageFlags } from '../../common/contract';

export function toAddress(a: MessageAddressObject | undefined): Address | null {
  if (!a?.address && !a?.name) return null;
  return { name: (a.name ?? '').normalize('NFC'), address: (a.address ?? '').toLowerCase() };
}

export function toAddresses(list: MessageAddressObject[] | undefined): Address[] {
  return (list ?? []).map(toAddress).filter((a): a is Address => a !== null);
}

export function toFlags(flags: Set<string> | undefined): MessageFlags {
  return {
    seen: flags?.has('\\Seen') ?? false,
    flagged: flags?.has('\\Flagged') ?? false,
    answered: flags?.has('\\Answered') ?? false,
    draft: flags?.has('\\Draft') ?? false,
  };
}

/** Header date when it parses, else the server's arrival date: a list must never show "Invalid Date". */
export function messageDate(msg: Pick<FetchMessageObject, 'envelope' | 'internalDate'>): string {
  for (const candidate of [msg.envelope?.date, msg.internalDate]) {
    if (!candidate) continue;
    const d = candidate instanceof Date ? candidate : new Date(candidate);
    if (!Number.isNaN(d.getTime())) return d.toISOString();
  }
  return new Date(0).toISOString();
}
