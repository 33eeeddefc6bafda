/** The signed-in user ("Get user", default properties) and calendars ("calendar resource type"). */
import type { JsonObject } from '../json';
import type { CalendarRecord, MailboxUser } from '../store/records';

export function userJson(user: MailboxUser): JsonObject {
  const [givenName = user.displayName, ...rest] = user.displayName.split(' ');
  return {
    businessPhones: [],
    displayName: user.displayName,
    givenName,
    jobTitle: null,
    mail: user.mail,
    mobilePhone: null,
    officeLocation: null,
    preferredLanguage: 'en-US',
    surname: rest.join(' ') || null,
    userPrincipalName: user.userPrincipalName,
    id: user.id,
  };
}

export function calendarJson(calendar: CalendarRecord): JsonObject {
  return {
    id: calendar.id,
    name: calendar.name,
    color: calendar.color,
    hexColor: calendar.hexColor,
    isDefaultCalendar: calendar.isDefaultCalendar,
    changeKey: calendar.changeKey,
    canShare: calendar.canShare,
    canViewPrivateItems: calendar.canViewPrivateItems,
    canEdit: calendar.canEdit,
    allowedOnlineMeetingProviders: [...calendar.allowedOnlineMeetingProviders],
    defaultOnlineMeetingProvider: calendar.defaultOnlineMeetingProvider,
    isTallyingResponses: calendar.isTallyingResponses,
    isRemovable: calendar.isRemovable,
    owner: { name: calendar.owner.name, address: calendar.owner.address },
  };
}
