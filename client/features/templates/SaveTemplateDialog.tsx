import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TEMPLATE_LIMITS } from '../../../common/contract/templates';
import { useSaveTemplate } from '../../api/templates';
import { Dialog } from '../../ui/Dialog';
import { FormError } from '../../ui/ErrorText';
import { showToast } from '../../ui/toast-store';
import type { ComposeWindow, RecipientChip } from '../compose/compose-store';
import { textToHtml } from '../compose/outgoing';

const recipients = (chips: RecipientChip[]) =>
  chips.filter((c) => c.valid).map((c) => ({ name: c.name ?? '', address: c.address }));

/** "Lưu thư này làm mẫu": the subject, body and To/Cc of the window under a name (Bcc and files stay out). */
export function SaveTemplateDialog({ window: w, onClose }: { window: ComposeWindow; onClose: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(w.subject.trim().slice(0, TEMPLATE_LIMITS.nameLength));
  const field = useRef<HTMLInputElement>(null);
  const save = useSaveTemplate();
  return (
    <Dialog
      title={t('templates.saveTitle')}
      className="template-dialog"
      initialFocus={field}
      onClose={onClose}
      onSubmit={(e) => {
        e.preventDefault();
        if (!name.trim() || save.isPending) return;
        save.mutate(
          {
            name,
            subject: w.subject,
            html: w.plain ? textToHtml(w.text) : w.html,
            to: recipients(w.to),
            cc: recipients(w.cc),
          },
          {
            onSuccess: (saved) => {
              showToast({ message: t('templates.saved', { name: saved.name }) });
              onClose();
            },
          },
        );
      }}
    >
      <p className="muted small">{t('templates.saveHint')}</p>
      <label className="field">
        <span>{t('templates.name')}</span>
        <input
          ref={field}
          type="text"
          required
          maxLength={TEMPLATE_LIMITS.nameLength}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </label>
      <FormError error={save.error} />
      <div className="form-actions">
        <button type="button" className="button" onClick={onClose}>
          {t('templates.back')}
        </button>
        <button type="submit" className="button button-primary" disabled={!name.trim() || save.isPending}>
          {t('templates.save')}
        </button>
      </div>
    </Dialog>
  );
}
