import { findSecretStamps, type StampHit } from '../../../common/policy/secret-stamps';
import type { ComposeError, ComposeWindow } from './compose-store';

export type SendReadiness =
  | { kind: 'ready' }
  /** Something to fix first, said in the window's notice banner. */
  | { kind: 'blocked'; notice: ComposeError }
  /** Đ3.1: a secret stamp in the subject or a file name; the sender must confirm it is not one. */
  | { kind: 'stamped'; hits: StampHit[] };

/**
 * Whether a message may be sent as it stands: someone to send to, every address valid, every
 * upload finished and none failed, then no secret stamp. The first reason found is the one shown.
 */
export function sendReadiness(
  w: Pick<ComposeWindow, 'to' | 'cc' | 'bcc' | 'attachments' | 'subject'>,
): SendReadiness {
  const chips = [...w.to, ...w.cc, ...w.bcc];
  const invalid = chips.filter((c) => !c.valid).map((c) => c.address);
  const blocked = (code: string, details: ComposeError['details'] = {}): SendReadiness => ({
    kind: 'blocked',
    notice: { code, details },
  });
  if (chips.length === 0) return blocked('no_recipients');
  if (invalid.length) return blocked('invalid_recipients', { addresses: invalid.join(', ') });
  if (w.attachments.some((a) => a.state === 'uploading')) return blocked('wait_uploads');
  if (w.attachments.some((a) => a.state === 'failed')) return blocked('remove_failed');
  const hits = findSecretStamps(
    w.subject,
    w.attachments.map((a) => a.filename),
  );
  return hits.length ? { kind: 'stamped', hits } : { kind: 'ready' };
}
