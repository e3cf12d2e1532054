import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AddressBookContact, ContactGroup } from '../../../common/contract';
import { useCreateGroup, useRemoveGroup, useUpdateGroup } from '../../api/contacts';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { FormError } from '../../ui/ErrorText';
import { showToast } from '../../ui/toast-store';

/** A group's name and members, picked from the whole address book. */
export function GroupForm({
  group,
  contacts,
  onDone,
}: {
  group: ContactGroup | null;
  contacts: AddressBookContact[];
  onDone: (id: string | null) => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(group?.name ?? '');
  const [members, setMembers] = useState<Set<string>>(new Set(group?.memberIds ?? []));
  const [confirming, setConfirming] = useState(false);
  const create = useCreateGroup();
  const update = useUpdateGroup();
  const remove = useRemoveGroup();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = { name, memberIds: contacts.filter((c) => members.has(c.id)).map((c) => c.id) };
    const saved = group ? await update.mutateAsync({ id: group.id, body }) : await create.mutateAsync(body);
    showToast({ message: t('contacts.groupSaved') });
    onDone(saved.id);
  };
  const toggle = (id: string) =>
    setMembers((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <form className="contact-form group-form" onSubmit={(e) => void submit(e).catch(() => undefined)}>
      <label>
        {t('contacts.groupName')}
        <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} />
      </label>
      <fieldset className="group-members">
        <legend>
          {t('contacts.members')} ({t('contacts.memberCount', { count: members.size })})
        </legend>
        {contacts.map((c) => (
          <label key={c.id} className="group-member">
            <input type="checkbox" checked={members.has(c.id)} onChange={() => toggle(c.id)} />
            <span>{c.name}</span>
            <span className="muted small">{c.emails[0]}</span>
          </label>
        ))}
      </fieldset>
      <FormError error={create.error ?? update.error ?? remove.error} />
      <div className="contact-form-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={create.isPending || update.isPending}
        >
          {t('contacts.save')}
        </button>
        <button type="button" className="button" onClick={() => onDone(group?.id ?? null)}>
          {t('contacts.back')}
        </button>
        {group ? (
          <button type="button" className="button button-danger" onClick={() => setConfirming(true)}>
            {t('contacts.deleteGroup')}
          </button>
        ) : null}
      </div>
      {confirming && group ? (
        <ConfirmDialog
          title={t('contacts.confirmDeleteGroup', { name: group.name })}
          confirmLabel={t('contacts.deleteGroup')}
          cancelLabel={t('contacts.no')}
          danger
          busy={remove.isPending}
          onCancel={() => setConfirming(false)}
          onConfirm={() =>
            remove.mutate(group.id, { onSuccess: () => onDone(null), onSettled: () => setConfirming(false) })
          }
        >
          {null}
        </ConfirmDialog>
      ) : null}
    </form>
  );
}
