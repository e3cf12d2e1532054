import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type MessageTemplate, TEMPLATE_LIMITS } from '../../../common/contract/templates';
import { useDeleteTemplate, useRenameTemplate, useTemplates } from '../../api/templates';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Dialog } from '../../ui/Dialog';
import { FormError } from '../../ui/ErrorText';
import { showToast } from '../../ui/toast-store';

/** The user's templates: rename one in place, delete one after a confirmation. */
export function ManageTemplatesDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const templates = useTemplates();
  const rename = useRenameTemplate();
  const remove = useDeleteTemplate();
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  const [deleting, setDeleting] = useState<MessageTemplate | null>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const list = templates.data?.templates ?? [];

  const saveName = (template: MessageTemplate) => {
    if (!renaming?.name.trim()) return;
    rename.mutate(
      { id: template.id, name: renaming.name },
      {
        onSuccess: () => {
          setRenaming(null);
          // The field goes; its row's rename button takes the focus back.
          requestAnimationFrame(() =>
            document.querySelector<HTMLElement>(`[data-template-rename="${template.id}"]`)?.focus(),
          );
        },
      },
    );
  };

  return (
    <Dialog title={t('templates.manageTitle')} className="template-dialog" onClose={onClose}>
      {templates.isPending ? <p className="muted">{t('templates.loading')}</p> : null}
      {templates.isError ? <p role="alert">{t('templates.loadError')}</p> : null}
      {templates.isSuccess && list.length === 0 ? <p className="muted">{t('templates.none')}</p> : null}
      <ul className="template-list">
        {list.map((template) =>
          renaming?.id === template.id ? (
            <li key={template.id} className="template-row">
              <input
                type="text"
                aria-label={t('templates.renameLabel', { name: template.name })}
                maxLength={TEMPLATE_LIMITS.nameLength}
                value={renaming.name}
                autoFocus
                onChange={(e) => setRenaming({ id: template.id, name: e.target.value })}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    saveName(template);
                  }
                }}
              />
              <button
                type="button"
                className="button small button-primary"
                disabled={rename.isPending}
                onClick={() => saveName(template)}
              >
                {t('templates.renameSave')}
              </button>
              <button type="button" className="button small" onClick={() => setRenaming(null)}>
                {t('templates.back')}
              </button>
            </li>
          ) : (
            <li key={template.id} className="template-row">
              <span className="template-name">{template.name}</span>
              <button
                type="button"
                className="button small"
                data-template-rename={template.id}
                aria-label={t('templates.renameAction', { name: template.name })}
                onClick={() => {
                  rename.reset();
                  setRenaming({ id: template.id, name: template.name });
                }}
              >
                {t('templates.rename')}
              </button>
              <button
                type="button"
                className="button small"
                aria-label={t('templates.deleteAction', { name: template.name })}
                onClick={() => setDeleting(template)}
              >
                {t('templates.delete')}
              </button>
            </li>
          ),
        )}
      </ul>
      <FormError error={rename.error ?? remove.error} />
      <div className="form-actions">
        <button ref={closeButton} type="button" className="button" onClick={onClose}>
          {t('templates.close')}
        </button>
      </div>
      {deleting ? (
        <ConfirmDialog
          title={t('templates.deleteConfirmTitle')}
          confirmLabel={t('templates.delete')}
          cancelLabel={t('templates.back')}
          danger
          busy={remove.isPending}
          onCancel={() => setDeleting(null)}
          onConfirm={() =>
            remove.mutate(deleting.id, {
              onSuccess: () => {
                showToast({ message: t('templates.deleted', { name: deleting.name }) });
                setDeleting(null);
                // Its row is gone with its button: focus goes to the dialog's own close button.
                requestAnimationFrame(() => closeButton.current?.focus());
              },
            })
          }
        >
          <p>{t('templates.deleteConfirm', { name: deleting.name })}</p>
        </ConfirmDialog>
      ) : null}
    </Dialog>
  );
}
