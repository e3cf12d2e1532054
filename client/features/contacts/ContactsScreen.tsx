import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { contactExportUrl, useAddressBook } from '../../api/contacts';
import { FormError } from '../../ui/ErrorText';
import { Toaster } from '../../ui/Toaster';
import { mailPath } from '../mailbox/routes';
import { ContactForm } from './ContactForm';
import { GroupForm } from './GroupForm';
import { ImportDialog } from './ImportDialog';
import './contacts.css';

type Pane = { kind: 'contact'; id: string | null } | { kind: 'group'; id: string | null } | null;

/**
 * "Danh bạ": the user's contacts (searched without tones), their groups, a contact's or a group's
 * editor beside the list (over it on a phone), import and export.
 */
export function ContactsScreen() {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [groupId, setGroupId] = useState<string | null>(null);
  const [pane, setPane] = useState<Pane>(null);
  const [importing, setImporting] = useState(false);
  const book = useAddressBook(query);
  const all = useAddressBook();
  const contacts = book.data?.contacts ?? [];
  const groups = all.data?.groups ?? [];
  const shown = groupId ? contacts.filter((c) => c.groupIds.includes(groupId)) : contacts;
  const editing =
    pane?.kind === 'contact' && pane.id ? (all.data?.contacts.find((c) => c.id === pane.id) ?? null) : null;
  const editingGroup =
    pane?.kind === 'group' && pane.id ? (groups.find((g) => g.id === pane.id) ?? null) : null;

  return (
    <div className={`contacts-screen ${pane ? 'has-pane' : ''}`}>
      <header className="contacts-top">
        <Link href={mailPath('INBOX')} className="link-button">
          ← {t('contacts.backToMail')}
        </Link>
        <h1>{t('contacts.title')}</h1>
        <input
          type="search"
          className="contacts-search"
          aria-label={t('contacts.search')}
          placeholder={t('contacts.search')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      </header>
      <div className="contacts-actions">
        <button
          type="button"
          className="button button-primary"
          onClick={() => setPane({ kind: 'contact', id: null })}
        >
          {t('contacts.newContact')}
        </button>
        <button type="button" className="button" onClick={() => setPane({ kind: 'group', id: null })}>
          {t('contacts.newGroup')}
        </button>
        <button type="button" className="button" onClick={() => setImporting(true)}>
          {t('contacts.import')}
        </button>
        <a className="button" href={contactExportUrl('vcf')} download>
          {t('contacts.exportVcard')}
        </a>
        <a className="button" href={contactExportUrl('csv')} download>
          {t('contacts.exportCsv')}
        </a>
      </div>
      <div className="contacts-body">
        <nav className="contacts-groups" aria-label={t('contacts.groups')}>
          <button type="button" aria-pressed={groupId === null} onClick={() => setGroupId(null)}>
            {t('contacts.all')} <span className="muted">{all.data?.contacts.length ?? ''}</span>
          </button>
          {groups.map((g) => (
            <div key={g.id} className="contacts-group-row">
              <button type="button" aria-pressed={groupId === g.id} onClick={() => setGroupId(g.id)}>
                {g.name} <span className="muted">{g.memberIds.length}</span>
              </button>
              <button
                type="button"
                className="link-button small"
                aria-label={`${t('contacts.editGroup')} ${g.name}`}
                onClick={() => setPane({ kind: 'group', id: g.id })}
              >
                {t('contacts.editGroup')}
              </button>
            </div>
          ))}
        </nav>
        <section className="contacts-list" aria-label={t('contacts.list')}>
          <FormError error={book.error} />
          {book.isSuccess && shown.length === 0 ? (
            <p className="muted">{query || groupId ? t('contacts.noMatch') : t('contacts.empty')}</p>
          ) : null}
          <ul>
            {shown.map((c) => (
              <li key={c.id}>
                <button
                  type="button"
                  aria-current={pane?.kind === 'contact' && pane.id === c.id ? 'true' : undefined}
                  onClick={() => setPane({ kind: 'contact', id: c.id })}
                >
                  <span className="contact-name">{c.name}</span>
                  <span className="muted small">
                    {c.emails[0]}
                    {c.organization ? ` · ${c.organization}` : ''}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
        <section className="contacts-pane" aria-label={t('contacts.title')}>
          {pane?.kind === 'contact' ? (
            <ContactForm
              key={pane.id ?? 'new'}
              contact={editing}
              onDone={(id) => setPane(id && !pane.id ? { kind: 'contact', id } : null)}
            />
          ) : pane?.kind === 'group' ? (
            <GroupForm
              key={pane.id ?? 'new-group'}
              group={editingGroup}
              contacts={all.data?.contacts ?? []}
              onDone={(id) => {
                setPane(null);
                if (id) setGroupId(id);
              }}
            />
          ) : (
            <p className="muted contacts-prompt">{t('contacts.selectPrompt')}</p>
          )}
        </section>
      </div>
      {importing ? <ImportDialog onClose={() => setImporting(false)} /> : null}
      {/* The import's summary and the saves' confirmations are toasts, as on the mail screen. */}
      <Toaster />
    </div>
  );
}

/** The mail screen's way in. */
export function ContactsLink() {
  const { t } = useTranslation();
  return (
    <Link href="/danh-ba" className="link-button contacts-link">
      {t('contacts.open')}
    </Link>
  );
}
