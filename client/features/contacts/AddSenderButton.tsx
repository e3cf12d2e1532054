import { useTranslation } from 'react-i18next';
import { useAddressBook, useCreateContact } from '../../api/contacts';
import { showToast } from '../../ui/toast-store';

/** "Thêm vào danh bạ" for a message's sender; says so when the address is already kept. */
export function AddSenderButton({
  from,
}: {
  from: { name?: string | undefined; address: string } | null | undefined;
}) {
  const { t } = useTranslation();
  const address = from?.address.toLowerCase() ?? '';
  const book = useAddressBook(address);
  const create = useCreateContact();
  if (!from || !address) return null;
  const known = book.data?.contacts.some((c) => c.emails.includes(address));
  if (known) return <span className="muted small add-sender-known">{t('contacts.senderKnown')}</span>;
  const name = from.name?.trim() || address;
  return (
    <button
      type="button"
      className="link-button small"
      disabled={create.isPending || book.isPending}
      onClick={() =>
        create.mutate(
          { name, emails: [address] },
          { onSuccess: () => showToast({ message: t('contacts.senderAdded', { name }) }) },
        )
      }
    >
      {t('contacts.addSender')}
    </button>
  );
}
