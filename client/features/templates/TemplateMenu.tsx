import type { TiptapEditorHTMLElement } from '@tiptap/core';
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageTemplate } from '../../../common/contract/templates';
import { useTemplates } from '../../api/templates';
import { showToast } from '../../ui/toast-store';
import { type ComposeWindow, useComposeStore } from '../compose/compose-store';
import { applyTemplate } from './apply-template';
import { ManageTemplatesDialog } from './ManageTemplatesDialog';
import { SaveTemplateDialog } from './SaveTemplateDialog';
import './templates.css';

const menuItemsIn = (menu: HTMLElement | null) => [
  ...(menu?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []),
];

/** The compose window's TipTap editor, found from inside the window (TipTap keeps it on its element). */
function editorOf(from: HTMLElement) {
  const dom = from.closest('.compose-window')?.querySelector<TiptapEditorHTMLElement>('.ProseMirror');
  return dom?.editor ?? null;
}

/**
 * "Mẫu thư" in the compose footer: a menu button (WAI-ARIA menu pattern: arrows move, Escape
 * closes and gives focus back to the button) listing the user's templates to insert, then
 * "save this message as a template" and "manage".
 */
export function TemplateMenu({ window: w, disabled }: { window: ComposeWindow; disabled: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [dialog, setDialog] = useState<'save' | 'manage' | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const templates = useTemplates(open);
  const list = templates.data?.templates ?? [];

  const items = () => menuItemsIn(menu.current);

  useEffect(() => {
    if (open) menuItemsIn(menu.current)[0]?.focus();
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);

  /** Closes the menu with focus back on its button, where a dialog opened next will return it. */
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  const insert = (template: MessageTemplate) => {
    const current = useComposeStore.getState().windows.find((x) => x.composeId === w.composeId) ?? w;
    const { patch, body } = applyTemplate(current, template);
    const editor = button.current ? editorOf(button.current) : null;
    close();
    const { edit } = useComposeStore.getState();
    if (body?.kind === 'insert' && editor) {
      edit(w.composeId, patch);
      editor.chain().focus().insertContent(body.html).run();
    } else if (body) {
      // No editor to put it at the caret (still loading): after what is there.
      const html = body.kind === 'replace' ? body.html : `${current.html}${body.html}`;
      const text = body.kind === 'replace' ? body.text : current.text;
      edit(w.composeId, { ...patch, html, text, editorKey: current.editorKey + 1 });
    } else {
      edit(w.composeId, patch);
    }
    showToast({ message: t('templates.inserted', { name: template.name }) });
  };

  const onMenuKey = (e: KeyboardEvent) => {
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => {
      e.preventDefault();
      all[(to + all.length) % all.length]?.focus();
    };
    if (e.key === 'ArrowDown') move(at + 1);
    else if (e.key === 'ArrowUp') move(at - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(all.length - 1);
    else if (e.key === 'Escape') {
      // Not also the compose window's Escape (which minimises it).
      e.preventDefault();
      e.stopPropagation();
      close();
    } else if (e.key === 'Tab') setOpen(false);
  };

  return (
    <span className="template-menu">
      <button
        ref={button}
        type="button"
        className="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        disabled={disabled}
        onClick={() => setOpen(!open)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        {t('templates.menu')}
      </button>
      {open ? (
        <div
          ref={menu}
          id={menuId}
          className="template-menu-popup"
          role="menu"
          aria-label={t('templates.menu')}
          tabIndex={-1}
          onKeyDown={onMenuKey}
        >
          <div className="template-menu-group">
            {templates.isPending ? (
              <p className="template-menu-note muted small">{t('templates.loading')}</p>
            ) : templates.isError ? (
              <p className="template-menu-note small" role="alert">
                {t('templates.loadError')}
              </p>
            ) : list.length === 0 ? (
              <p className="template-menu-note muted small">{t('templates.none')}</p>
            ) : (
              list.map((template) => (
                <button
                  key={template.id}
                  type="button"
                  role="menuitem"
                  tabIndex={-1}
                  className="template-menu-item"
                  onClick={() => insert(template)}
                >
                  {template.name}
                </button>
              ))
            )}
          </div>
          <hr className="template-menu-sep" />
          <button
            type="button"
            role="menuitem"
            tabIndex={-1}
            className="template-menu-item"
            onClick={() => {
              close();
              setDialog('save');
            }}
          >
            {t('templates.saveCurrent')}
          </button>
          <button
            type="button"
            role="menuitem"
            tabIndex={-1}
            className="template-menu-item"
            onClick={() => {
              close();
              setDialog('manage');
            }}
          >
            {t('templates.manage')}
          </button>
        </div>
      ) : null}
      {dialog === 'save' ? <SaveTemplateDialog window={w} onClose={() => setDialog(null)} /> : null}
      {dialog === 'manage' ? <ManageTemplatesDialog onClose={() => setDialog(null)} /> : null}
    </span>
  );
}
