/**
 * Pure: a calendar's text as plain text a person reads: NFC, no control characters, no bidi
 * overrides (which could reverse a name or a place on screen), cut at `max` characters. Markup
 * stays as the characters it is made of; the client shows it as text.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const CONTROL_AND_BREAKS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function plainCalendarText(value: string, max: number, multiline = false): string {
  const text = multiline
    ? value.replace(/\r\n?/g, '\n').replace(CONTROL, '')
    : value.replace(/[\r\n\t]+/g, ' ').replace(CONTROL_AND_BREAKS, '');
  const trimmed = text.normalize('NFC').trim();
  return trimmed.length > max ? `${trimmed.slice(0, max - 1)}…` : trimmed;
}
