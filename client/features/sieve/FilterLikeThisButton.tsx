import { useTranslation } from 'react-i18next';
import type { Address } from '../../../common/contract';
import { filterFromMessage } from './filter-drafts';
import { useSieveDialogStore } from './sieve-dialog-store';

/**
 * "Lọc thư như thế này": opens the filter editor prefilled from the open message. Self-contained,
 * so it can sit in the reader's header or in a toolbar menu alike.
 */
export function FilterLikeThisButton({
  message,
  className = 'button',
}: {
  message: { from: Address | null; subject: string };
  className?: string;
}) {
  const { t } = useTranslation();
  const open = useSieveDialogStore((s) => s.open);
  return (
    <button
      type="button"
      className={className}
      onClick={() =>
        open(
          'filters',
          filterFromMessage(message, (sender) => t('filters.newName', { sender })),
        )
      }
    >
      {t('filters.fromMessage')}
    </button>
  );
}
