import type { MessageTemplate } from '../../../common/contract/templates';
import { toChips } from '../compose/address-list';
import type { ComposeWindow, RecipientChip } from '../compose/compose-store';
import { htmlToText } from '../compose/outgoing';

/** Where the template's body goes: the whole body when it is empty, else at the caret. */
export type BodyPlacement =
  | { kind: 'replace'; html: string; text: string }
  | { kind: 'insert'; html: string };

function addMissing(chips: RecipientChip[], list: MessageTemplate['to']): RecipientChip[] {
  const have = new Set(chips.map((c) => c.address.toLowerCase()));
  const added = list.filter((r) => !have.has(r.address.toLowerCase()));
  return added.length
    ? [...chips, ...toChips(added.map((r) => ({ name: r.name || undefined, address: r.address })))]
    : chips;
}

/**
 * What picking a template changes in a compose window: the subject only if none was typed, the
 * recipients added (never removing one the user chose), the body replacing an empty one or going
 * where the caret is. Nothing typed by the user is overwritten.
 */
export function applyTemplate(
  w: ComposeWindow,
  template: MessageTemplate,
): { patch: Partial<ComposeWindow>; body: BodyPlacement | null } {
  const patch: Partial<ComposeWindow> = {};
  if (!w.subject.trim() && template.subject) patch.subject = template.subject;
  const to = addMissing(w.to, template.to);
  if (to !== w.to) patch.to = to;
  const cc = addMissing(w.cc, template.cc);
  if (cc !== w.cc) Object.assign(patch, { cc, showCcBcc: true });
  if (!template.html.trim()) return { patch, body: null };
  const text = htmlToText(template.html);
  if (w.plain) {
    patch.text = w.text.trim() ? `${w.text.replace(/\s+$/, '')}\n\n${text}` : text;
    return { patch, body: null };
  }
  if (!w.text.trim()) return { patch, body: { kind: 'replace', html: template.html, text } };
  return { patch, body: { kind: 'insert', html: template.html } };
}
