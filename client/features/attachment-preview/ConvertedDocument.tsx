import { useMemo } from 'react';
import { MessageBodyFrame } from '../reader/MessageBodyFrame';
import { sanitizeMailHtml } from '../reader/sanitize-html';

const noCid = () => null;

/**
 * HTML the proxy converted from a document, shown exactly as a letter is: through the mail
 * sanitiser and in the same sandboxed frame. Remote content stays blocked (a converted document
 * carries its pictures as data; anything else is not fetched) and links open only when clicked.
 */
export function ConvertedDocument({ html, title }: { html: string; title: string }) {
  const clean = useMemo(() => sanitizeMailHtml(html, { allowRemote: false, resolveCid: noCid }).html, [html]);
  return <MessageBodyFrame html={clean} allowRemote={false} title={title} />;
}
