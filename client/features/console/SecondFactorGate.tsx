import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsoleMe } from '../../../common/contract';
import { useConfirmSecondFactor, useEnrolSecondFactor, useVerifySecondFactor } from '../../api/console';
import { consoleKeys } from '../../api/keys';
import { FormError } from '../../ui/ErrorText';

/**
 * The console opens only after the second factor in this session: enrolment the first time (QR
 * code, first code typed back, recovery codes shown once), a code every later session.
 */
export function SecondFactorGate({ me, children }: { me: ConsoleMe; children: ReactNode }) {
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  if (recoveryCodes)
    return (
      <RecoveryCodesShown email={me.email} codes={recoveryCodes} onDone={() => setRecoveryCodes(null)} />
    );
  if (me.secondFactor.verified) return <>{children}</>;
  if (!me.secondFactor.enrolled) return <Enrolment onConfirmed={setRecoveryCodes} />;
  return <Verification />;
}

function Enrolment({ onConfirmed }: { onConfirmed: (codes: string[]) => void }) {
  const { t } = useTranslation();
  const enrol = useEnrolSecondFactor();
  const confirm = useConfirmSecondFactor();
  const [code, setCode] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    confirm.mutate(code.replace(/\s/g, ''), { onSuccess: (r) => onConfirmed(r.codes) });
  };
  return (
    <main className="console-gate">
      <h1>{t('console.shell.secondFactor.title')}</h1>
      <p>{t('console.shell.secondFactor.intro')}</p>
      {!enrol.data ? (
        <>
          <button
            type="button"
            className="button button-primary"
            onClick={() => enrol.mutate()}
            disabled={enrol.isPending}
          >
            {t('console.shell.secondFactor.start')}
          </button>
          <FormError error={enrol.error} />
        </>
      ) : (
        <form onSubmit={submit} className="console-gate-form">
          <p>{t('console.shell.secondFactor.scan')}</p>
          <img
            className="qr"
            alt={enrol.data.otpauthUri}
            width={200}
            height={200}
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(enrol.data.qrSvg)}`}
          />
          <p>
            {t('console.shell.secondFactor.secretLabel')}:{' '}
            <code className="secret" data-testid="totp-secret">
              {enrol.data.secret.replace(/(.{4})/g, '$1 ').trim()}
            </code>
          </p>
          <label>
            {t('console.shell.secondFactor.codeLabel')}
            <input
              inputMode="numeric"
              autoComplete="one-time-code"
              value={code}
              onChange={(e) => setCode(e.target.value)}
              maxLength={7}
              required
            />
          </label>
          <FormError error={confirm.error} />
          <button type="submit" className="button button-primary" disabled={confirm.isPending}>
            {t('console.shell.secondFactor.confirm')}
          </button>
        </form>
      )}
    </main>
  );
}

function RecoveryCodesShown({
  email,
  codes,
  onDone,
}: {
  email: string;
  codes: string[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const file = `${t('console.shell.secondFactor.recoveryFileHeader', { email })}\n\n${codes.join('\n')}\n`;
  return (
    <main className="console-gate">
      <h1>{t('console.shell.secondFactor.recoveryTitle')}</h1>
      <p>{t('console.shell.secondFactor.recoveryIntro')}</p>
      <ol className="recovery-codes">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ol>
      <div className="console-actions">
        <a
          className="button"
          download="ma-khoi-phuc.txt"
          href={`data:text/plain;charset=utf-8,${encodeURIComponent(file)}`}
        >
          {t('console.shell.secondFactor.download')}
        </a>
        <button
          type="button"
          className="button button-primary"
          onClick={async () => {
            await queryClient.invalidateQueries({ queryKey: consoleKeys.all });
            onDone();
          }}
        >
          {t('console.shell.secondFactor.saved')}
        </button>
      </div>
    </main>
  );
}

function Verification() {
  const { t } = useTranslation();
  const verify = useVerifySecondFactor();
  const [code, setCode] = useState('');
  return (
    <main className="console-gate">
      <h1>{t('console.shell.secondFactor.title')}</h1>
      <p>{t('console.shell.secondFactor.verifyIntro')}</p>
      <form
        className="console-gate-form"
        onSubmit={(e) => {
          e.preventDefault();
          verify.mutate(code);
        }}
      >
        <label>
          {t('console.shell.secondFactor.codeOrRecoveryLabel')}
          <input
            autoComplete="one-time-code"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            maxLength={32}
            required
            // biome-ignore lint/a11y/noAutofocus: the only field of the screen, reached right after log-in
            autoFocus
          />
        </label>
        <FormError error={verify.error} />
        <button type="submit" className="button button-primary" disabled={verify.isPending}>
          {t('console.shell.secondFactor.verify')}
        </button>
      </form>
      <p className="hint">{t('console.shell.secondFactor.lostPhone')}</p>
    </main>
  );
}
