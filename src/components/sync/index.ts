/** The sync status UI: mount these in the agenda sidebar (per calendar) and in Settings. */
export { AccountSyncStatus } from './AccountSyncStatus';
export { CalendarSyncStatus } from './CalendarSyncStatus';
export { SyncIssuesPanel } from './SyncIssuesPanel';
