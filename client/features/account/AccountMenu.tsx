import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { SessionInfo } from '../../../common/contract';
import { useLogout } from '../../api/session';
import { consolePath, isConsolePath } from '../console/routes';
import { MigrationMenuButton } from '../migration/MigrationDialog';
import { usePasswordDialogStore } from '../password/password-dialog-store';
import { ReportFaultButton } from '../problem-report/ProblemReportDialog';
import { AfterActionSetting } from '../reader/AfterActionSetting';
import { SieveMenuButton } from '../sieve/SieveSettingsDialog';
import { SigningMenuButton } from '../signing/SigningSetup';
import { LanguageSwitch } from './LanguageSwitch';
import { menuItemsOf, nextMenuItem } from './menu-keys';
import './account.css';
import './account-menu.css';
import { SourceLink } from './SourceLink';

/** "thanhtv.sttt@…" → "T": the round badge that stands for the user where the address is cut. */
export const initialOf = (email: string) => (email.trim()[0] ?? '?').toLocaleUpperCase('vi');

/**
 * One button in the top bar with the signed-in address; it opens what concerns the account:
 * language, password, a fault report, the console (admins), signing, where the reader goes after
 * an action, out-of-office, the source, log-out. The
 * panel stays mounted while closed so that a dialog opened from it lives on; Escape and every
 * item close it and give focus back to the button, arrow keys walk the items.
 */
export function AccountMenu({ email, role = 'user' }: { email: string; role?: SessionInfo['role'] }) {
  const { t } = useTranslation();
  const logout = useLogout();
  const openPasswordDialog = usePasswordDialogStore((s) => s.setPasswordDialogOpen);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLFieldSetElement>(null);
  const inConsole = isConsolePath(window.location.pathname);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    menuItemsOf(panel.current)[0]?.focus();
    const onPointerDown = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!panel.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  return (
    <div className="account-menu">
      <button
        ref={button}
        type="button"
        className="account-button"
        aria-expanded={open}
        aria-controls={panelId}
        title={email}
        onClick={() => setOpen((v) => !v)}
      >
        {/* The name is built from what is shown (WCAG 2.5.3, label in name): "Tài khoản" for
            screen readers, the address itself; on a phone the address is only visually hidden. */}
        <span className="sr-only">{t('shell.accountWord')}</span>{' '}
        <span className="account-initial" aria-hidden="true">
          {initialOf(email)}
        </span>
        <span className="account-email">{email}</span>
      </button>
      <fieldset
        ref={panel}
        id={panelId}
        className="account-panel"
        aria-label={t('account.menu', { email })}
        hidden={!open}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            close(true);
            return;
          }
          // A select keeps its own arrow keys (the after-action choice).
          if (e.target instanceof HTMLSelectElement) return;
          const next = nextMenuItem(menuItemsOf(panel.current), document.activeElement, e.key);
          if (next) {
            e.preventDefault();
            next.focus();
          }
        }}
        // An item acts after the menu closed and focus is back on the button, so that a dialog it
        // opens gives focus back there too.
        onClickCapture={(e) => {
          const item = (e.target as HTMLElement).closest('button, a');
          if (item && !item.closest('.language-switch, .after-action-setting')) close(true);
        }}
      >
        <p className="account-panel-email">
          <span className="muted small">{t('shell.signedInAs')}</span>
          <strong>{email}</strong>
        </p>
        <ul className="account-items">
          <li>
            <LanguageSwitch variant="buttons" />
          </li>
          {!inConsole && (
            <li>
              <AfterActionSetting />
            </li>
          )}
          <li>
            <button type="button" className="account-item" onClick={() => openPasswordDialog(true)}>
              {t('password.title')}
            </button>
          </li>
          <li>
            <ReportFaultButton className="account-item" />
          </li>
          {role !== 'user' && !inConsole && (
            <li>
              <Link href={consolePath()} className="account-item">
                {t('account.console')}
              </Link>
            </li>
          )}
          {!inConsole && (
            <li className="account-signing">
              <SigningMenuButton label={t('smimeSign.menu')} className="account-item" />
            </li>
          )}
          {!inConsole && (
            <li>
              <SieveMenuButton className="account-item" />
            </li>
          )}
          {!inConsole && (
            <li>
              <MigrationMenuButton className="account-item" />
            </li>
          )}
          <li>
            <SourceLink className="account-item" />
          </li>
          <li className="account-logout">
            <button
              type="button"
              className="account-item"
              onClick={() => logout.mutate()}
              disabled={logout.isPending}
            >
              {t('account.logout')}
            </button>
          </li>
        </ul>
      </fieldset>
    </div>
  );
}
