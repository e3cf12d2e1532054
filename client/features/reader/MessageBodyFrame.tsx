import { useEffect, useMemo, useRef, useState } from 'react';
import { frameDocument } from './sanitize-html';

/**
 * The sanitised body in an iframe that may not run scripts (no allow-scripts) and may not fetch
 * anything its own CSP does not allow. allow-same-origin lets this page measure the content to
 * size the frame; with scripts off it gives the mail nothing. Popups are allowed for links, which
 * open outside the sandbox in a new tab.
 */
export function MessageBodyFrame({
  html,
  title,
  allowRemote,
}: {
  html: string;
  title: string;
  allowRemote: boolean;
}) {
  const ref = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState(200);
  const dark = typeof window !== 'undefined' && window.matchMedia?.('(prefers-color-scheme: dark)').matches;
  const srcDoc = useMemo(
    () => frameDocument(html, { allowRemote, dark: Boolean(dark), origin: window.location.origin }),
    [html, allowRemote, dark],
  );

  useEffect(() => {
    const frame = ref.current;
    if (!frame) return;
    const measure = () => {
      const doc = frame.contentDocument;
      if (doc?.documentElement) setHeight(Math.max(80, doc.documentElement.scrollHeight + 4));
    };
    const onLoad = () => {
      measure();
      // Images finish after load; re-measure as each arrives.
      for (const img of frame.contentDocument?.querySelectorAll('img') ?? [])
        img.addEventListener('load', measure);
    };
    frame.addEventListener('load', onLoad);
    return () => frame.removeEventListener('load', onLoad);
  }, []);

  return (
    <iframe
      ref={ref}
      className="message-frame"
      title={title}
      sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox"
      referrerPolicy="no-referrer"
      srcDoc={srcDoc}
      style={{ height }}
    />
  );
}
