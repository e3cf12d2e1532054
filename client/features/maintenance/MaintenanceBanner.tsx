import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicNotice } from '../../../common/contract';
import { formatDate, formatTime } from '../../../common/i18n/format';
import { useNotices } from '../../api/notices';
import { useTimeZone } from '../../i18n/use-time-zone';
import './maintenance-banner.css';

/** The clock the banner decides by: it turns "will be" into "is" at the start without a fetch. */
function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/**
 * Đ8.1c: every planned outage from the moment it is scheduled until it ends, on the mail screen
 * and the log-in page. Times are the province's ("HH:mm dd/MM/yyyy"), whatever the browser's zone.
 */
export function MaintenanceBanner() {
  const { t, i18n } = useTranslation();
  const timeZone = useTimeZone();
  const notices = useNotices();
  const now = useNow();
  const shown = (notices.data?.notices ?? []).filter((n) => Date.parse(n.endsAt) > now);
  if (shown.length === 0) return null;
  const when = (iso: string) =>
    `${formatTime(iso, i18n.language, timeZone)} ${formatDate(iso, i18n.language, timeZone)}`;
  const text = (n: PublicNotice, current: boolean) =>
    t(current ? 'maintenance.current' : 'maintenance.upcoming', {
      start: when(n.startsAt),
      end: when(n.endsAt),
      message: n.message,
    });
  return (
    <section className="maintenance-banners" aria-label={t('maintenance.label')}>
      {shown.map((n) => {
        const current = Date.parse(n.startsAt) <= now;
        return (
          <p
            key={n.id}
            className={`maintenance-banner ${current ? 'is-current' : 'is-upcoming'}`}
            role={current ? 'alert' : 'status'}
            data-testid="maintenance-banner"
          >
            {text(n, current)}
          </p>
        );
      })}
    </section>
  );
}
