import { Extension } from '@tiptap/core';
import { TableKit } from '@tiptap/extension-table';
import { Placeholder } from '@tiptap/extensions';
import { type Editor, EditorContent, useEditor, useEditorState } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

// Ctrl+Enter sends the message (the window listens); without this the editor would add a line break.
const SendShortcut = Extension.create({
  name: 'sendShortcut',
  priority: 1000,
  addKeyboardShortcuts: () => ({ 'Mod-Enter': () => true }),
});

/**
 * The TipTap editor (in the compose chunk only). Its schema is the sanitiser of what is typed or
 * pasted: Word and LibreOffice markup comes in as paragraphs, lists, links and tables, their
 * styles and scripts do not. The proxy sanitises the HTML again before it leaves.
 */
export function RichEditor({
  initialHtml,
  label,
  placeholder,
  onChange,
  autoFocus = false,
}: {
  initialHtml: string;
  label: string;
  placeholder: string;
  onChange: (html: string, text: string) => void;
  /** A reply starts with the caret above the quote, ready to write. */
  autoFocus?: 'start' | false;
}) {
  const editor = useEditor({
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3] },
        code: false,
        codeBlock: false,
        link: {
          openOnClick: false,
          autolink: true,
          defaultProtocol: 'https',
          protocols: ['mailto', 'tel'],
          isAllowedUri: (url, ctx) => /^(https?:|mailto:|tel:)/i.test(url) || ctx.defaultValidate(url),
        },
      }),
      TableKit.configure({ table: { resizable: false } }),
      Placeholder.configure({ placeholder }),
      SendShortcut,
    ],
    content: initialHtml,
    autofocus: autoFocus,
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: {
        'aria-label': label,
        'aria-multiline': 'true',
        role: 'textbox',
        class: 'compose-editor-content',
        spellcheck: 'true',
        lang: 'vi',
      },
    },
    onUpdate: ({ editor: e }) => onChange(e.getHTML(), e.getText({ blockSeparator: '\n' })),
  });

  return (
    <div className="compose-editor">
      <EditorToolbar editor={editor} />
      <EditorContent editor={editor} />
    </div>
  );
}

function EditorToolbar({ editor }: { editor: Editor }) {
  const { t } = useTranslation();
  const [linkUrl, setLinkUrl] = useState<string | null>(null);
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      underline: e.isActive('underline'),
      heading: e.isActive('heading'),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      quote: e.isActive('blockquote'),
      link: e.isActive('link'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const chain = () => editor.chain().focus();
  const toggle = (
    key: 'bold' | 'italic' | 'underline' | 'heading' | 'bulletList' | 'orderedList' | 'quote',
    text: string,
    run: () => void,
  ) => (
    <button
      type="button"
      className={`round-button editor-toolbar-button toolbar-${key}`}
      aria-pressed={state[key]}
      aria-label={t(`compose.toolbar.${key}`)}
      title={t(`compose.toolbar.${key}`)}
      onMouseDown={(e) => e.preventDefault()}
      onClick={run}
      // The glyph ("B", "1.") is drawn by CSS: as text it would have to be part of the name
      // (WCAG 2.5.3), and "1." read aloud before "Danh sách đánh số" helps nobody.
      data-glyph={text}
    />
  );

  const applyLink = () => {
    const url = linkUrl?.trim();
    if (url) chain().extendMarkRange('link').setLink({ href: url }).run();
    setLinkUrl(null);
  };

  return (
    <div className="compose-toolbar" role="toolbar" aria-label={t('compose.toolbar.label')}>
      {toggle('bold', 'B', () => chain().toggleBold().run())}
      {toggle('italic', 'I', () => chain().toggleItalic().run())}
      {toggle('underline', 'U', () => chain().toggleUnderline().run())}
      {toggle('heading', 'H', () => chain().toggleHeading({ level: 3 }).run())}
      <span className="toolbar-sep" />
      {toggle('bulletList', '•', () => chain().toggleBulletList().run())}
      {toggle('orderedList', '1.', () => chain().toggleOrderedList().run())}
      {toggle('quote', '“', () => chain().toggleBlockquote().run())}
      <button
        type="button"
        className="round-button editor-toolbar-button toolbar-link"
        aria-pressed={state.link}
        aria-label={state.link ? t('compose.toolbar.unlink') : t('compose.toolbar.link')}
        title={state.link ? t('compose.toolbar.unlink') : t('compose.toolbar.link')}
        onMouseDown={(e) => e.preventDefault()}
        onClick={() =>
          state.link
            ? chain().extendMarkRange('link').unsetLink().run()
            : setLinkUrl(linkUrl === null ? '' : null)
        }
      >
        <GlyphIcon d={GLYPHS.link} />
      </button>
      <span className="toolbar-sep" />
      <button
        type="button"
        className="round-button editor-toolbar-button"
        aria-label={t('compose.toolbar.undo')}
        title={t('compose.toolbar.undo')}
        disabled={!state.canUndo}
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => chain().undo().run()}
      >
        <GlyphIcon d={GLYPHS.undo} />
      </button>
      <button
        type="button"
        className="round-button editor-toolbar-button"
        aria-label={t('compose.toolbar.redo')}
        title={t('compose.toolbar.redo')}
        disabled={!state.canRedo}
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => chain().redo().run()}
      >
        <GlyphIcon d={GLYPHS.redo} />
      </button>
      {linkUrl !== null ? (
        <span className="toolbar-link-form">
          <input
            type="url"
            aria-label={t('compose.toolbar.linkUrl')}
            placeholder="https://"
            value={linkUrl}
            // biome-ignore lint/a11y/noAutofocus: the field appears because the user asked for it
            autoFocus
            onChange={(e) => setLinkUrl(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                applyLink();
              }
              if (e.key === 'Escape') {
                e.stopPropagation();
                setLinkUrl(null);
              }
            }}
          />
          <button type="button" className="button small" onClick={applyLink}>
            {t('compose.toolbar.linkApply')}
          </button>
        </span>
      ) : null}
    </div>
  );
}

// Drawn here rather than emoji or arrows, which many office PCs' fonts lack.
const GLYPHS = {
  link: 'M10.6 13.4a1 1 0 0 1 0-1.4l3.5-3.5a2.5 2.5 0 0 1 3.5 3.5l-2 2 1.4 1.4 2-2a4.5 4.5 0 0 0-6.4-6.4l-3.5 3.5a3 3 0 0 0 0 4.3zm2.8-2.8a1 1 0 0 1 0 1.4l-3.5 3.5a2.5 2.5 0 0 1-3.5-3.5l2-2-1.4-1.4-2 2a4.5 4.5 0 0 0 6.4 6.4l3.5-3.5a3 3 0 0 0 0-4.3z',
  undo: 'M8 5 3 10l5 5v-4h6a4 4 0 0 1 0 8h-3v2h3a6 6 0 0 0 0-12H8z',
  redo: 'M16 5l5 5-5 5v-4h-6a4 4 0 0 0 0 8h3v2h-3a6 6 0 0 1 0-12h6z',
};

function GlyphIcon({ d }: { d: string }) {
  return (
    <svg width={16} height={16} viewBox="0 0 24 24" fill="currentColor" aria-hidden="true" className="icon">
      <path d={d} />
    </svg>
  );
}
