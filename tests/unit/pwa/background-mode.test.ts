import { describe, expect, it } from 'vitest';
import {
  backgroundMode,
  needsOutboxFlush,
  type BackgroundCapabilities,
} from '../../../src/lib/pwa/background-mode';
import { PERIODIC_MIN_INTERVAL_HOURS } from '../../../src/core/pwa/background-tags';

const chromiumInstalled: BackgroundCapabilities = {
  serviceWorker: true,
  periodicSync: true,
  periodicPermission: 'granted',
  oneOffSync: true,
};

describe('which background mode the browser allows', () => {
  it('syncs periodically when installed in Chromium', () => {
    expect(backgroundMode(chromiumInstalled)).toEqual({
      kind: 'periodic',
      everyHours: PERIODIC_MIN_INTERVAL_HOURS,
    });
  });

  it('only flushes the outbox in a Chromium tab (periodic sync not granted)', () => {
    expect(backgroundMode({ ...chromiumInstalled, periodicPermission: 'denied' })).toEqual({
      kind: 'outbox-only',
    });
    expect(backgroundMode({ ...chromiumInstalled, periodicPermission: 'prompt' }).kind).toBe('outbox-only');
  });

  it('syncs while open in Firefox and Safari (neither API), or with no service worker', () => {
    const firefox: BackgroundCapabilities = {
      serviceWorker: true,
      periodicSync: false,
      periodicPermission: 'unknown',
      oneOffSync: false,
    };
    expect(backgroundMode(firefox)).toEqual({ kind: 'while-open' });
    expect(backgroundMode({ ...chromiumInstalled, serviceWorker: false })).toEqual({ kind: 'while-open' });
  });
});

describe('when to ask for a one-off Background Sync', () => {
  it('asks when changes wait and this page cannot send them', () => {
    expect(needsOutboxFlush({ pending: 2, online: false, pushFailed: false })).toBe(true);
    expect(needsOutboxFlush({ pending: 1, online: true, pushFailed: true })).toBe(true);
  });

  it('does not ask when nothing waits or the page is sending them itself', () => {
    expect(needsOutboxFlush({ pending: 0, online: false, pushFailed: true })).toBe(false);
    expect(needsOutboxFlush({ pending: 3, online: true, pushFailed: false })).toBe(false);
  });
});
