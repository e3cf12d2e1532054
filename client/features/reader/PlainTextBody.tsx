import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Highlighted, useHighlightPhrases } from '../search/highlight';
import { linkifyText, splitQuotes, type TextBlock } from './plain-text';

/** A plain-text body: links clickable (web and mail only), quoted replies folded away. */
export function PlainTextBody({ text }: { text: string }) {
  const blocks = useMemo(() => splitQuotes(text), [text]);
  return (
    <div className="reader-plain">
      {blocks.map((block, i) =>
        block.kind === 'text' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: blocks never reorder
          <pre key={i} className="reader-text">
            <Linkified text={block.text} />
          </pre>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: blocks never reorder
          <QuotedBlock key={i} block={block} />
        ),
      )}
    </div>
  );
}

function QuotedBlock({ block }: { block: Extract<TextBlock, { kind: 'quote' }> }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <div className="reader-quote">
      <button type="button" className="quote-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? t('reader.hideQuote') : t('reader.showQuote')}
      </button>
      {open ? (
        <blockquote>
          {block.attribution ? <p className="quote-attribution">{block.attribution}</p> : null}
          <pre className="reader-text">
            <Linkified text={block.text} />
          </pre>
        </blockquote>
      ) : null}
    </div>
  );
}

function Linkified({ text }: { text: string }) {
  const pieces = useMemo(() => linkifyText(text), [text]);
  // The running search's words, marked as in the list (plain text only: links stay as they are).
  const phrases = useHighlightPhrases('body');
  return (
    <>
      {pieces.map((p, i) =>
        p.kind === 'link' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: pieces never reorder
          <a key={i} href={p.href} target="_blank" rel="noopener noreferrer" title={p.href}>
            {p.text}
          </a>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: pieces never reorder
          <Highlighted key={i} text={p.text} phrases={phrases} />
        ),
      )}
    </>
  );
}
