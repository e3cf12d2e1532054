import { useTranslation } from 'react-i18next';
import type { LifecycleAccountStatus } from '../../../../common/contract';
import { citeRule } from '../../../../common/i18n/cite-rule';
import { formatDateTime } from '../../../../common/i18n/format';
import { vietnameseDay } from '../../../../common/policy/vietnam-date';
import { exportDownloadUrl } from '../../../api/console-lifecycle';

/** An account's state and facts, and every action still to come for it with its day. */
export function LifecycleFacts({ account: a, admin }: { account: LifecycleAccountStatus; admin: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <>
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
              {citeRule(e.rule, i18n.language)})
              {e.blockedBy &&
                ` · ${t('console.lifecycle.columns.blockedBy')}: ${t(`console.lifecycle.kinds.${e.blockedBy}`)}`}
              {e.deadlineOn && ` → ${vietnameseDay(e.deadlineOn)}`}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
