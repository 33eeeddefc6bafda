/**
 * System notifications for reminders: allowed or not, and asking (only from a click in Settings,
 * never on load: browsers penalise sites that ask unprompted, and users rightly refuse).
 */
export type NotificationState = 'granted' | 'denied' | 'default' | 'unsupported';

export function notificationState(): NotificationState {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

export function notificationsAllowed(): boolean {
  return notificationState() === 'granted';
}

/** Asks the browser; resolves with the answer. Call only from a user's click. */
export async function askForNotifications(): Promise<NotificationState> {
  if (typeof Notification === 'undefined') return 'unsupported';
  return Notification.requestPermission();
}
