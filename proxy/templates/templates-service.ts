import { isValidAddress } from '../../common/contract/compose';
import type { Address } from '../../common/contract/messages';
import { type MessageTemplate, TEMPLATE_LIMITS } from '../../common/contract/templates';
import { sanitizeOutgoingHtml } from '../compose/outgoing-html';
import { ApiError } from '../errors';
import type { TemplatesStore } from './templates-store';

export interface TemplateSave {
  name: string;
  subject: string;
  html: string;
  to: Address[];
  cc: Address[];
}

const clean = (list: Address[]): Address[] =>
  list.map((a) => ({ name: a.name.normalize('NFC').trim(), address: a.address.trim().toLowerCase() }));

/**
 * Saves a template: the body sanitised exactly as outgoing mail is (what is inserted later is what
 * would have been sent), the limits checked with their own codes so the client can say which.
 */
export async function saveTemplate(
  store: TemplatesStore,
  owner: string,
  input: TemplateSave,
): Promise<MessageTemplate> {
  const html = input.html.trim() ? sanitizeOutgoingHtml(input.html) : '';
  if (Buffer.byteLength(html, 'utf8') > TEMPLATE_LIMITS.htmlBytes)
    throw new ApiError('template_too_large', { limit: TEMPLATE_LIMITS.htmlBytes });
  const to = clean(input.to);
  const cc = clean(input.cc);
  const bad = [...to, ...cc].find((a) => !isValidAddress(a.address));
  if (bad) throw new ApiError('invalid_address', { address: bad.address });
  if ((await store.count(owner)) >= TEMPLATE_LIMITS.perUser)
    throw new ApiError('template_limit_reached', { limit: TEMPLATE_LIMITS.perUser });
  const saved = await store.create(owner, {
    name: input.name.normalize('NFC').trim(),
    subject: input.subject.normalize('NFC').trim(),
    html,
    to,
    cc,
  });
  if (saved === 'name_taken') throw new ApiError('template_name_taken');
  return saved;
}

export async function renameTemplate(
  store: TemplatesStore,
  owner: string,
  id: string,
  name: string,
): Promise<MessageTemplate> {
  const renamed = await store.rename(owner, id, name.normalize('NFC').trim());
  if (renamed === 'name_taken') throw new ApiError('template_name_taken');
  if (!renamed) throw new ApiError('template_not_found');
  return renamed;
}

export async function deleteTemplate(store: TemplatesStore, owner: string, id: string): Promise<void> {
  if (!(await store.remove(owner, id))) throw new ApiError('template_not_found');
}
