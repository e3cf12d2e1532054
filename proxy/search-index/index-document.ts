import type { FetchMessageObject } from 'imapflow';
import type { SearchHit } from '../../common/contract';
import { foldForSearch } from '../mail/search-match';
import { headerFields, toFound } from '../mail/search-scan';

/**
 * What the index keeps of one message: what a search hit shows, what the search rules match
 * (the folded header fields, the decoded text) and what sorted views order by. PURE.
 */
export interface IndexedMessage {
  uid: number;
  /** The date the list shows (Date header, else arrival), as the scanning search sorts by. */
  dateMs: number;
  seen: boolean;
  hasAttachments: boolean;
  size: number;
  /** Folded sender and subject: the keys of the sorted views. */
  sortFrom: string;
  sortSubject: string;
  /** The hit as a search page shows it, without mailbox and preview. */
  hit: Omit<SearchHit, 'mailbox' | 'preview'>;
  /** Folded: sender (names and addresses), To and Cc, subject, attachment names. */
  sender: string;
  recipients: string;
  subject: string;
  names: string;
  /** The first 32 KB of the text part, decoded (HTML as text), NOT folded: previews cut from it. */
  bodyText: string;
}

export function indexedMessage(msg: FetchMessageObject, bodyText: string): IndexedMessage {
  const found = toFound('', msg);
  const fields = headerFields(msg);
  const { mailbox: _m, preview: _p, dateMs, bodyText: _b, bodyTerms: _t, ...hit } = found;
  return {
    uid: msg.uid,
    dateMs: Number.isFinite(dateMs) ? dateMs : 0,
    seen: hit.flags.seen,
    hasAttachments: hit.hasAttachments,
    size: hit.size,
    sortFrom: foldForSearch(hit.from?.name || hit.from?.address || ''),
    sortSubject: foldForSearch(hit.subject),
    hit,
    sender: fields.from,
    recipients: fields.to,
    subject: fields.subject,
    names: fields.attachmentNames,
    bodyText,
  };
}
