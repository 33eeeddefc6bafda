/** What a request asks for, as the test server counts and throttles requests. */
export const RequestKind = {
  me: 'me',
  calendars: 'calendars',
  calendar: 'calendar',
  calendarView: 'calendarView',
  delta: 'delta',
  eventGet: 'eventGet',
  eventList: 'eventList',
  instances: 'instances',
  eventCreate: 'eventCreate',
  eventUpdate: 'eventUpdate',
  eventDelete: 'eventDelete',
  batch: 'batch',
  preflight: 'preflight',
  unknown: 'unknown',
} as const;
export type RequestKind = (typeof RequestKind)[keyof typeof RequestKind];
