import type { TFunction } from 'i18next';
import type { InvitationRecurrence, InvitationTime } from '../../../common/contract';
import { formatDate, formatDateTime, formatTime } from '../../../common/i18n/format';

/** "30/11/2026 14:00 – 16:30", "28/12/2026 – 29/12/2026 (cả ngày)": the card's time line. */
export function timeRange(
  start: InvitationTime,
  end: InvitationTime | null,
  t: TFunction,
  locale: string,
  timeZone: string,
): string {
  if (start.allDay) {
    const first = allDayText(start.iso);
    // DTEND of an all-day event is exclusive: a one-day event ends the next day.
    const last = end?.allDay ? allDayText(previousDay(end.iso)) : first;
    return `${first === last ? first : `${first} – ${last}`} (${t('invite.allDay')})`;
  }
  const from = formatDateTime(start.iso, locale, timeZone);
  if (!end || end.allDay) return from;
  const sameDay = formatDate(start.iso, locale, timeZone) === formatDate(end.iso, locale, timeZone);
  return `${from} – ${sameDay ? formatTime(end.iso, locale, timeZone) : formatDateTime(end.iso, locale, timeZone)}`;
}

/** The sender's own clock as dd/MM/yyyy HH:mm: "10/12/2026 09:00" from "2026-12-10T09:00". */
export function originalText(local: string): string {
  const [date = '', time = ''] = local.split('T');
  return `${allDayText(date)} ${time}`;
}

function allDayText(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

function previousDay(date: string): string {
  const ms = Date.parse(`${date}T00:00:00Z`) - 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/** "Lặp lại hằng tuần vào thứ Hai, đến hết ngày 28/12/2026". */
export function recurrenceText(rule: InvitationRecurrence, t: TFunction): string {
  const base =
    rule.freq === 'other'
      ? t('invite.recurrence.other')
      : rule.interval === 1
        ? t(`invite.recurrence.${rule.freq}`)
        : t(`invite.recurrence.${rule.freq}Every`, { count: rule.interval });
  const parts = [base];
  if (rule.byDay.length > 0)
    parts[0] = `${base} ${t('invite.recurrence.onDays', { days: rule.byDay.map((d) => t(`invite.weekday.${d}`)).join(', ') })}`;
  if (rule.until) parts.push(t('invite.recurrence.until', { date: allDayText(rule.until) }));
  else if (rule.count) parts.push(t('invite.recurrence.times', { count: rule.count }));
  return parts.join(', ');
}
