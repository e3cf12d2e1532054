import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { SessionInfo } from '../../common/contract';
import { useMailboxes } from '../api/mailboxes';
import { AccountMenu } from '../features/account/AccountMenu';
import { QuotaBanner } from '../features/account/QuotaBanner';
import { StorageMeter } from '../features/account/StorageMeter';
import { ShortcutsHelp } from '../features/actions/ShortcutsHelp';
import { ComposeButton, ComposeHost, openCompose } from '../features/compose/ComposeHost';
import { ContactsLink } from '../features/contacts/ContactsScreen';
import { LiveUpdates } from '../features/live/LiveUpdates';
import { FolderList } from '../features/mailbox/FolderList';
import { useListStore } from '../features/mailbox/list-store';
import { MessageList } from '../features/mailbox/MessageList';
import { mailboxLabel } from '../features/mailbox/mailbox-name';
import { mailPath } from '../features/mailbox/routes';
import { MaintenanceBanner } from '../features/maintenance/MaintenanceBanner';
import { MigrationDialog } from '../features/migration/MigrationDialog';
import { ChangePasswordDialog } from '../features/password/ChangePasswordDialog';
import { PasswordExpiryBanner } from '../features/password/PasswordExpiryBanner';
import { MessageReader } from '../features/reader/MessageReader';
import { SearchBox } from '../features/search/SearchBox';
import { SearchResultsOr } from '../features/search/SearchResults';
import { useSearchClearsReader } from '../features/search/use-search-clears-reader';
import { SieveSettingsDialog } from '../features/sieve/SieveSettingsDialog';
import { VacationBanner } from '../features/sieve/VacationBanner';
import { SigningSetup } from '../features/signing/SigningSetup';
import { Icon } from '../ui/Icon';
import { Toaster } from '../ui/Toaster';
import './phone.css';

/** The three panes: folders, the open folder's messages, the open message. */
export function MailScreen({
  session,
  mailbox,
  uid,
}: {
  session: SessionInfo;
  mailbox: string;
  uid: number | null;
}) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const foldersOpen = useListStore((s) => s.foldersOpen);
  const setFoldersOpen = useListStore((s) => s.setFoldersOpen);
  const mailboxes = useMailboxes();
  const current = mailboxes.data?.find((b) => b.path === mailbox);
  const inboxUnread = mailboxes.data?.find((b) => b.specialUse === 'inbox')?.unread ?? 0;
  useSearchClearsReader(uid !== null, () => navigate(mailPath(mailbox)));

  useEffect(() => {
    const name = t('app.productName');
    document.title = inboxUnread > 0 ? `(${inboxUnread}) ${name}` : name;
  }, [inboxUnread, t]);

  return (
    <div className={`mail-screen ${uid ? 'has-message' : ''} ${foldersOpen ? 'folders-open' : ''}`}>
      <a href="#main-list" className="skip-link">
        {t('app.skipToContent')}
      </a>
      {uid ? (
        <a href="#main-reader" className="skip-link">
          {t('a11y.skipToReader')}
        </a>
      ) : null}
      <header className="topbar">
        <button
          type="button"
          className="icon-button menu-toggle"
          aria-label={t('mailbox.folders')}
          aria-expanded={foldersOpen}
          onClick={() => setFoldersOpen(!foldersOpen)}
        >
          <Icon name="menu" size={22} />
        </button>
        <div className="brand">
          <img src="/favicon.svg" alt="" width={24} height={24} />
          <span>{t('app.productName')}</span>
        </div>
        <SearchBox currentMailbox={mailbox} currentLabel={current ? mailboxLabel(current, t) : mailbox} />
        <LiveUpdates email={session.email} />
        <ContactsLink />
        <AccountMenu email={session.email} role={session.role} />
      </header>
      <div className="notices">
        <MaintenanceBanner />
        <PasswordExpiryBanner password={session.password} />
        <QuotaBanner />
        <VacationBanner />
      </div>
      <button
        type="button"
        className="folders-scrim"
        tabIndex={-1}
        aria-hidden="true"
        onClick={() => setFoldersOpen(false)}
      />
      <aside className="pane folders-pane">
        <ComposeButton />
        <FolderList current={mailbox} onNavigate={() => setFoldersOpen(false)} />
        {/* On a phone the top bar has room for one line only: "Danh bạ" moves into the drawer. */}
        <div className="drawer-contacts" onClickCapture={() => setFoldersOpen(false)}>
          <ContactsLink />
        </div>
        <StorageMeter />
      </aside>
      <section
        className="pane list-pane"
        id="main-list"
        aria-label={current ? mailboxLabel(current, t) : t('list.label')}
      >
        <SearchResultsOr mailbox={mailbox} uid={uid}>
          <h2 className="pane-title">{current ? mailboxLabel(current, t) : ''}</h2>
          <MessageList
            mailbox={mailbox}
            openUid={uid}
            onClose={() => navigate(mailPath(mailbox))}
            onOpen={(u) => {
              // A draft opens where it can be finished: in compose.
              if (current?.specialUse === 'drafts') openCompose({ mode: 'draft', mailbox, uid: u });
              else navigate(mailPath(mailbox, u));
            }}
          />
        </SearchResultsOr>
      </section>
      <section className="pane reader-pane" id="main-reader" aria-label={t('a11y.readerRegion')}>
        <MessageReader mailbox={mailbox} uid={uid} onBack={() => navigate(mailPath(mailbox))} />
      </section>
      <ChangePasswordDialog email={session.email} />
      <SigningSetup email={session.email} />
      <SieveSettingsDialog />
      <MigrationDialog />
      <ShortcutsHelp />
      <Toaster />
      <ComposeHost email={session.email} />
    </div>
  );
}
