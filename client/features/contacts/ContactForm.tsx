import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AddressBookContact, ContactAddress } from '../../../common/contract';
import { useCreateContact, useRemoveContact, useUpdateContact } from '../../api/contacts';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { FormError } from '../../ui/ErrorText';
import { showToast } from '../../ui/toast-store';

/** One contact's fields, new or existing; several addresses, one per line. */
export function ContactForm({
  contact,
  onDone,
}: {
  contact: AddressBookContact | null;
  onDone: (id: string | null) => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(contact?.name ?? '');
  const [emails, setEmails] = useState(contact?.emails.join('\n') ?? '');
  const [phone, setPhone] = useState(contact?.phone ?? '');
  const [organization, setOrganization] = useState(contact?.organization ?? '');
  const [title, setTitle] = useState(contact?.title ?? '');
  const [note, setNote] = useState(contact?.note ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const create = useCreateContact();
  const update = useUpdateContact();
  const remove = useRemoveContact();
  const saving = create.isPending || update.isPending;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const list = emails
      .split(/[\s,;]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    const invalid = list.filter((a) => !ContactAddress.safeParse(a).success);
    if (list.length === 0) return setProblem(t('contacts.needEmail'));
    if (invalid.length) return setProblem(t('contacts.invalidEmails', { addresses: invalid.join(', ') }));
    setProblem(null);
    const body = { name: name.trim() || list[0]!, emails: list, phone, organization, title, note };
    const saved = contact
      ? await update.mutateAsync({ id: contact.id, body })
      : await create.mutateAsync(body);
    showToast({ message: t('contacts.saved') });
    onDone(saved.id);
  };

  return (
    <form className="contact-form" onSubmit={(e) => void submit(e).catch(() => undefined)}>
      <label>
        {t('contacts.name')}
        <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
      </label>
      <label>
        {t('contacts.emails')}
        <textarea value={emails} onChange={(e) => setEmails(e.target.value)} rows={2} spellCheck={false} />
      </label>
      <label>
        {t('contacts.phone')}
        <input value={phone} onChange={(e) => setPhone(e.target.value)} maxLength={50} inputMode="tel" />
      </label>
      <label>
        {t('contacts.organization')}
        <input value={organization} onChange={(e) => setOrganization(e.target.value)} maxLength={200} />
      </label>
      <label>
        {t('contacts.jobTitle')}
        <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} />
      </label>
      <label>
        {t('contacts.note')}
        <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={3} maxLength={2000} />
      </label>
      {problem ? (
        <p className="form-error" role="alert">
          {problem}
        </p>
      ) : null}
      <FormError error={create.error ?? update.error ?? remove.error} />
      <div className="contact-form-actions">
        <button type="submit" className="button button-primary" disabled={saving}>
          {t('contacts.save')}
        </button>
        <button type="button" className="button" onClick={() => onDone(contact?.id ?? null)}>
          {t('contacts.back')}
        </button>
        {contact ? (
          <button type="button" className="button button-danger" onClick={() => setConfirming(true)}>
            {t('contacts.delete')}
          </button>
        ) : null}
      </div>
      {confirming && contact ? (
        <ConfirmDialog
          title={t('contacts.confirmDelete', { name: contact.name })}
          confirmLabel={t('contacts.delete')}
          cancelLabel={t('contacts.no')}
          danger
          busy={remove.isPending}
          onCancel={() => setConfirming(false)}
          onConfirm={() =>
            remove.mutate(contact.id, {
              onSuccess: () => onDone(null),
              onSettled: () => setConfirming(false),
            })
          }
        >
          {null}
        </ConfirmDialog>
      ) : null}
    </form>
  );
}
