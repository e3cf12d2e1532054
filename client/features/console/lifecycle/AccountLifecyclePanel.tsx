import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../common/i18n/format';
import { lifecycleSchedule, suspensionReasons } from '../../../../common/policy/account-lifecycle';
import { parseVietnameseDay, vietnameseDay } from '../../../../common/policy/vietnam-date';
import {
  exportDownloadUrl,
  useCancelDeparture,
  useExportMailbox,
  useLifecycleAccount,
  useRecordDeparture,
  useRecordRestoreRequest,
  useRemoveExemption,
  useRevokeAccount,
  useSetExemption,
  useSuspendAccount,
  useVerifyRestore,
} from '../../../api/console-lifecycle';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { FormError } from '../../../ui/ErrorText';
import { FileSize } from '../../../ui/FileSize';

type Pending = { title: string; text: string; run: () => void };

/** One account: its state, what will happen to it and when, and the admin's actions. */
export function AccountLifecyclePanel({
  email,
  onOpen,
  admin,
}: {
  email: string | null;
  onOpen: (email: string) => void;
  admin: boolean;
}) {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useState(email ?? '');
  const status = useLifecycleAccount(email);
  const [requestId, setRequestId] = useState('');
  const [departure, setDeparture] = useState({ on: '', level: 'staff', reason: 'resigned' });
  const [exemption, setExemption] = useState({ reason: '', until: '' });
  const [suspension, setSuspension] = useState({ reason: 'compromised', note: '' });
  const [received, setReceived] = useState('');
  const [pending, setPending] = useState<Pending | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [password, setPassword] = useState<string | null>(null);
  const mutations = {
    departure: useRecordDeparture(),
    cancelDeparture: useCancelDeparture(),
    exemption: useSetExemption(),
    removeExemption: useRemoveExemption(),
    suspend: useSuspendAccount(),
    restoreRequest: useRecordRestoreRequest(),
    restore: useVerifyRestore(),
    export: useExportMailbox(),
    revoke: useRevokeAccount(),
  };
  const failed = Object.values(mutations).find((m) => m.error)?.error;
  const withRequest = (body: Record<string, unknown>) =>
    requestId.trim() ? { ...body, requestId: Number(requestId) } : body;

  const open = (e: FormEvent) => {
    e.preventDefault();
    if (search.trim()) onOpen(search.trim().toLowerCase());
    setMessage(null);
    setPassword(null);
  };

  const a = status.data;
  const departureOn = parseVietnameseDay(departure.on);
  const preview = departureOn
    ? lifecycleSchedule({
        email: a?.email ?? '',
        kind: 'personal',
        state: 'active',
        sendingLocked: false,
        activeSince: new Date(),
        lastLoginAt: null,
        lastSentAt: null,
        departure: {
          on: departureOn,
          level: departure.level as 'staff' | 'head',
          reason: departure.reason as 'retired',
        },
      })
    : [];
  const previewDay = (kind: string) => vietnameseDay(preview.find((e) => e.kind === kind)?.dueOn ?? '');

  return (
    <section className="console-card" aria-labelledby="lc-account">
      <h2 id="lc-account">{t('console.lifecycle.account.title')}</h2>
      <form className="console-filters" onSubmit={open}>
        <label>
          {t('console.lifecycle.account.search')}
          <input type="email" value={search} onChange={(e) => setSearch(e.target.value)} />
        </label>
        <button type="submit" className="button">
          {t('console.lifecycle.account.open')}
        </button>
      </form>
      {status.error && <p role="alert">{t('console.lifecycle.account.notFound')}</p>}
      {a && (
        <div className="lifecycle-account">
          <dl className="lifecycle-facts">
            <dt>{t('console.lifecycle.account.state')}</dt>
            <dd>
              <span className={`console-badge ${a.state === 'active' ? 'ok' : 'bad'}`}>
                {t(`console.lifecycle.account.states.${a.state}`)}
              </span>
              {a.stateReason && ` (${a.stateReason})`}
            </dd>
            {a.sendingLockedReason && (
              <>
                <dt>{t('console.lifecycle.account.sendingLocked')}</dt>
                <dd>{a.sendingLockedReason}</dd>
              </>
            )}
            <dt>{t('console.lifecycle.account.lastLogin')}</dt>
            <dd>
              {a.lastLoginAt
                ? formatDateTime(a.lastLoginAt, i18n.language)
                : t('console.lifecycle.account.never')}
            </dd>
            {a.exportedAt && (
              <>
                <dt>{t('console.lifecycle.account.exported')}</dt>
                <dd>
                  {formatDateTime(a.exportedAt, i18n.language)}{' '}
                  {admin && a.exportFile && (
                    <a href={exportDownloadUrl(a.email)}>{t('console.lifecycle.account.download')}</a>
                  )}
                </dd>
              </>
            )}
          </dl>
          <h3>{t('console.lifecycle.account.schedule')}</h3>
          {a.schedule.length === 0 ? (
            <p>{t('console.lifecycle.account.noSchedule')}</p>
          ) : (
            <ul className="lifecycle-schedule">
              {a.schedule.map((e) => (
                <li key={e.kind}>
                  <strong>{vietnameseDay(e.dueOn)}</strong> — {t(`console.lifecycle.kinds.${e.kind}`)} (
                  {e.rule})
                  {e.blockedBy &&
                    ` · ${t('console.lifecycle.columns.blockedBy')}: ${t(`console.lifecycle.kinds.${e.blockedBy}`)}`}
                  {e.deadlineOn && ` → ${vietnameseDay(e.deadlineOn)}`}
                </li>
              ))}
            </ul>
          )}
          {message && <p role="status">{message}</p>}
          {password && (
            <p role="status" className="lifecycle-password">
              {t('console.lifecycle.restore.password')}
              <code data-testid="temporary-password">{password}</code>
              <br />
              {t('console.lifecycle.restore.passwordNote')}
            </p>
          )}
          <FormError error={failed} />

          {admin && a.state !== 'revoked' && (
            <div className="lifecycle-forms">
              <label className="lifecycle-request">
                {t('console.lifecycle.account.requestId')}
                <input
                  inputMode="numeric"
                  value={requestId}
                  onChange={(e) => setRequestId(e.target.value.replace(/\D/g, ''))}
                />
              </label>

              {a.kind === 'personal' && (
                <form
                  className="console-form"
                  onSubmit={(e) => {
                    e.preventDefault();
                    mutations.departure.mutate(
                      { email: a.email, body: withRequest(departure) },
                      { onSuccess: () => setMessage(t('console.lifecycle.departure.saved')) },
                    );
                  }}
                >
                  <h3>{t('console.lifecycle.departure.title')}</h3>
                  {a.departure && (
                    <p>
                      {t('console.lifecycle.departure.current', {
                        reason: t(`console.lifecycle.reasons.${a.departure.reason}`),
                        date: vietnameseDay(a.departure.on),
                        level: t(`console.lifecycle.levels.${a.departure.level}`),
                      })}{' '}
                      <button
                        type="button"
                        className="button"
                        onClick={() => mutations.cancelDeparture.mutate({ email: a.email })}
                      >
                        {t('console.lifecycle.departure.cancel')}
                      </button>
                    </p>
                  )}
                  <label>
                    {t('console.lifecycle.departure.on')}
                    <input
                      placeholder="dd/MM/yyyy"
                      value={departure.on}
                      onChange={(e) => setDeparture({ ...departure, on: e.target.value })}
                    />
                  </label>
                  <label>
                    {t('console.lifecycle.departure.level')}
                    <select
                      value={departure.level}
                      onChange={(e) => setDeparture({ ...departure, level: e.target.value })}
                    >
                      {['staff', 'head'].map((l) => (
                        <option key={l} value={l}>
                          {t(`console.lifecycle.levels.${l}`)}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label>
                    {t('console.lifecycle.departure.reason')}
                    <select
                      value={departure.reason}
                      onChange={(e) => setDeparture({ ...departure, reason: e.target.value })}
                    >
                      {['retired', 'resigned', 'transferred_out'].map((r) => (
                        <option key={r} value={r}>
                          {t(`console.lifecycle.reasons.${r}`)}
                        </option>
                      ))}
                    </select>
                  </label>
                  {preview.length > 0 && (
                    <p className="lifecycle-preview">
                      {t('console.lifecycle.departure.preview', {
                        lock: previewDay('lock_sending'),
                        export: previewDay('export'),
                        revoke: previewDay('revoke'),
                      })}
                    </p>
                  )}
                  <button type="submit" className="button button-primary">
                    {t('console.lifecycle.departure.save')}
                  </button>
                </form>
              )}

              <form
                className="console-form"
                onSubmit={(e) => {
                  e.preventDefault();
                  const until = exemption.until.trim()
                    ? (parseVietnameseDay(exemption.until) ?? exemption.until)
                    : null;
                  mutations.exemption.mutate(
                    { email: a.email, body: { reason: exemption.reason, until } },
                    { onSuccess: () => setMessage(t('console.lifecycle.exemption.saved')) },
                  );
                }}
              >
                <h3>{t('console.lifecycle.exemption.title')}</h3>
                {a.inactivityExemption && (
                  <p>
                    {a.inactivityExemption.until
                      ? t('console.lifecycle.exemption.currentUntil', {
                          reason: a.inactivityExemption.reason,
                          date: formatDateTime(a.inactivityExemption.until, i18n.language).slice(0, 10),
                        })
                      : t('console.lifecycle.exemption.current', {
                          reason: a.inactivityExemption.reason,
                        })}{' '}
                    <button
                      type="button"
                      className="button"
                      onClick={() => mutations.removeExemption.mutate({ email: a.email })}
                    >
                      {t('console.lifecycle.exemption.remove')}
                    </button>
                  </p>
                )}
                <label>
                  {t('console.lifecycle.exemption.reason')}
                  <input
                    required
                    value={exemption.reason}
                    onChange={(e) => setExemption({ ...exemption, reason: e.target.value })}
                  />
                </label>
                <label>
                  {t('console.lifecycle.exemption.until')}
                  <input
                    placeholder="dd/MM/yyyy"
                    value={exemption.until}
                    onChange={(e) => setExemption({ ...exemption, until: e.target.value })}
                  />
                </label>
                <button type="submit" className="button">
                  {t('console.lifecycle.exemption.save')}
                </button>
              </form>

              {a.state === 'active' && (
                <form
                  className="console-form"
                  onSubmit={(e) => {
                    e.preventDefault();
                    setPending({
                      title: t('console.lifecycle.suspend.save'),
                      text: t('console.lifecycle.suspend.confirm', { email: a.email }),
                      run: () =>
                        mutations.suspend.mutate(
                          { email: a.email, body: withRequest(suspension) },
                          { onSuccess: () => setMessage(t('console.lifecycle.suspend.saved')) },
                        ),
                    });
                  }}
                >
                  <h3>{t('console.lifecycle.suspend.title')}</h3>
                  <label>
                    {t('console.lifecycle.suspend.reason')}
                    <select
                      value={suspension.reason}
                      onChange={(e) => setSuspension({ ...suspension, reason: e.target.value })}
                    >
                      {Object.keys(suspensionReasons).map((r) => (
                        <option key={r} value={r}>
                          {t(`console.lifecycle.suspensionReasons.${r}`)}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label>
                    {t('console.lifecycle.suspend.note')}
                    <input
                      value={suspension.note}
                      onChange={(e) => setSuspension({ ...suspension, note: e.target.value })}
                    />
                  </label>
                  <button type="submit" className="button button-danger">
                    {t('console.lifecycle.suspend.save')}
                  </button>
                </form>
              )}

              {a.state === 'suspended' && (
                <div className="console-form">
                  <h3>{t('console.lifecycle.restore.title')}</h3>
                  {a.restoreRequestedAt && a.restoreDeadlineOn && (
                    <p>
                      {t('console.lifecycle.restore.pending', {
                        date: formatDateTime(a.restoreRequestedAt, i18n.language),
                        deadline: vietnameseDay(a.restoreDeadlineOn),
                      })}
                    </p>
                  )}
                  <label>
                    {t('console.lifecycle.restore.received')}
                    <input
                      placeholder="dd/MM/yyyy"
                      value={received}
                      onChange={(e) => setReceived(e.target.value)}
                    />
                  </label>
                  <div className="console-actions">
                    <button
                      type="button"
                      className="button"
                      onClick={() =>
                        mutations.restoreRequest.mutate(
                          { email: a.email, body: withRequest({ receivedOn: received.trim() || null }) },
                          {
                            onSuccess: (r) =>
                              setMessage(
                                t('console.lifecycle.restore.recorded', {
                                  date: vietnameseDay(r.deadlineOn),
                                }),
                              ),
                          },
                        )
                      }
                    >
                      {t('console.lifecycle.restore.record')}
                    </button>
                    <button
                      type="button"
                      className="button button-primary"
                      onClick={() =>
                        setPending({
                          title: t('console.lifecycle.restore.title'),
                          text: t('console.lifecycle.restore.confirm', { email: a.email }),
                          run: () =>
                            mutations.restore.mutate(
                              { email: a.email, body: withRequest({}) },
                              { onSuccess: (r) => setPassword(r.temporaryPassword) },
                            ),
                        })
                      }
                    >
                      {t('console.lifecycle.restore.verify')}
                    </button>
                  </div>
                </div>
              )}

              {a.kind === 'personal' && (
                <div className="console-form">
                  <h3>{t('console.lifecycle.export.title')}</h3>
                  {mutations.export.data && (
                    <p role="status">
                      {t('console.lifecycle.export.done', {
                        messages: mutations.export.data.messages,
                        size: '',
                      })}
                      <FileSize bytes={mutations.export.data.bytes} />
                    </p>
                  )}
                  <div className="console-actions">
                    <button
                      type="button"
                      className="button"
                      disabled={mutations.export.isPending}
                      onClick={() =>
                        setPending({
                          title: t('console.lifecycle.export.run'),
                          text: t('console.lifecycle.export.confirm', { email: a.email }),
                          run: () => mutations.export.mutate({ email: a.email }),
                        })
                      }
                    >
                      {t('console.lifecycle.export.run')}
                    </button>
                    <button
                      type="button"
                      className="button button-danger"
                      disabled={mutations.revoke.isPending}
                      onClick={() =>
                        setPending({
                          title: t('console.lifecycle.export.revoke'),
                          text: t('console.lifecycle.export.revokeConfirm', { email: a.email }),
                          run: () =>
                            mutations.revoke.mutate(
                              { email: a.email, body: withRequest({}) },
                              { onSuccess: () => setMessage(t('console.lifecycle.export.revoked')) },
                            ),
                        })
                      }
                    >
                      {t('console.lifecycle.export.revoke')}
                    </button>
                  </div>
                </div>
              )}
            </div>
          )}
        </div>
      )}
      {pending && (
        <ConfirmDialog
          title={pending.title}
          confirmLabel={t('console.lifecycle.account.confirm')}
          cancelLabel={t('console.lifecycle.account.cancel')}
          danger
          onCancel={() => setPending(null)}
          onConfirm={() => {
            pending.run();
            setPending(null);
          }}
        >
          <p>{pending.text}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
