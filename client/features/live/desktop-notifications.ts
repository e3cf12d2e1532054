/**
 * Desktop notifications for new mail: off until the user turns them on with a click (browsers
 * refuse, and people resent, a permission prompt nobody asked for). The choice is kept per
 * browser and per address, so the next civil servant at a shared desk does not inherit it.
 */
export type NotificationState = 'unsupported' | 'blocked' | 'off' | 'on';

const storageKey = (email: string) => `bp.desktopNotifications.${email.toLowerCase()}`;

const supported = () => typeof window !== 'undefined' && 'Notification' in window;

export function notificationState(email: string): NotificationState {
  if (!supported()) return 'unsupported';
  if (Notification.permission === 'denied') return 'blocked';
  if (Notification.permission !== 'granted') return 'off';
  return localStorage.getItem(storageKey(email)) === 'on' ? 'on' : 'off';
}

/** Only from a click handler: asks the browser's permission the first time. */
export async function turnNotificationsOn(email: string): Promise<NotificationState> {
  if (!supported()) return 'unsupported';
  const permission =
    Notification.permission === 'granted' ? 'granted' : await Notification.requestPermission();
  if (permission !== 'granted') return permission === 'denied' ? 'blocked' : 'off';
  localStorage.setItem(storageKey(email), 'on');
  return 'on';
}

export function turnNotificationsOff(email: string): NotificationState {
  localStorage.removeItem(storageKey(email));
  return notificationState(email);
}

/**
 * Shown only while the tab is hidden: in view, the new row says it already. Every open tab gets
 * the event, so they share one tag per message and the browser shows it once.
 */
export function notifyNewMail(
  email: string,
  content: { uid: number; title: string; body: string },
  onOpen: () => void,
): void {
  if (notificationState(email) !== 'on' || !document.hidden) return;
  const notification = new Notification(content.title, {
    body: content.body,
    tag: `bp-new-mail-${content.uid}`,
    icon: '/favicon.svg',
  });
  notification.onclick = () => {
    window.focus();
    onOpen();
    notification.close();
  };
}
