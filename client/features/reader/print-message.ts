import { frameDocument } from './sanitize-html';

export interface PrintableMessage {
  subject: string;
  /** Label and value pairs, already in the reader's language ("Từ", "Đến", "Ngày gửi"…). */
  headers: [string, string][];
  attachmentsLabel: string;
  attachments: string[];
  /** Sanitised HTML, or null for a plain-text message. */
  html: string | null;
  text: string | null;
  allowRemote: boolean;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The page that is printed: the message's headers, then its body, nothing of the webmail around it. */
export function printDocument(message: PrintableMessage, origin: string): string {
  const rows = message.headers
    .map(([label, value]) => `<tr><th>${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`)
    .join('');
  const files = message.attachments.length
    ? `<tr><th>${escapeHtml(message.attachmentsLabel)}</th><td>${message.attachments.map(escapeHtml).join(', ')}</td></tr>`
    : '';
  const body = message.html ?? `<pre>${escapeHtml(message.text ?? '')}</pre>`;
  const head = `<header class="print-head"><h1>${escapeHtml(message.subject)}</h1><table>${rows}${files}</table></header>`;
  return frameDocument(head + body, { allowRemote: message.allowRemote, dark: false, origin }).replace(
    '</style>',
    '.print-head{border-bottom:1px solid #999;margin-bottom:12px;padding-bottom:8px}.print-head h1{font-size:18px;margin:0 0 6px}.print-head th{text-align:left;padding-right:12px;color:#555;font-weight:normal;vertical-align:top}@page{margin:15mm}</style>',
  );
}

/**
 * Prints the message alone: an invisible frame holds the print document (sandboxed, no scripts;
 * allow-modals is what lets print() open the dialog) and is removed after the dialog closes.
 */
export function printMessage(message: PrintableMessage): void {
  const frame = document.createElement('iframe');
  frame.className = 'print-frame';
  frame.setAttribute('sandbox', 'allow-same-origin allow-modals');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0;visibility:hidden';
  const remove = () => frame.remove();
  frame.addEventListener('load', () => {
    const win = frame.contentWindow;
    if (!win) return remove();
    const images = [...(frame.contentDocument?.images ?? [])].filter((img) => !img.complete);
    const ready = images.map(
      (img) =>
        new Promise((done) => {
          img.addEventListener('load', done, { once: true });
          img.addEventListener('error', done, { once: true });
        }),
    );
    const go = () => {
      win.addEventListener('afterprint', remove, { once: true });
      win.focus();
      win.print();
      // Browsers whose print() returns before the dialog closes still get the frame removed.
      setTimeout(remove, 60_000);
    };
    // Images that never finish must not hold the dialog back for long.
    Promise.race([Promise.all(ready), new Promise((done) => setTimeout(done, 3000))]).then(go, go);
  });
  frame.srcdoc = printDocument(message, window.location.origin);
  document.body.append(frame);
}
