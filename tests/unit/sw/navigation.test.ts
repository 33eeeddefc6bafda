import { beforeAll, describe, expect, it, vi } from 'vitest';
import { REDIRECT_BRIDGE_PATH } from '../../../src/core/config/runtime-config';

let denylist: readonly RegExp[] = [];

beforeAll(async () => {
  // Workbox reads the service worker's global `self` when its modules load.
  vi.stubGlobal('self', globalThis);
  ({ NAVIGATION_DENYLIST: denylist } = await import('../../../workers/sw/navigation'));
});

const denied = (path: string): boolean => denylist.some((pattern) => pattern.test(path));

describe('the app-shell navigation route', () => {
  it('leaves MSAL’s redirect-bridge page to the server, with or without its answer (docs/sync-rules.md rule 52)', () => {
    expect(denied(REDIRECT_BRIDGE_PATH)).toBe(true);
    expect(denied(`${REDIRECT_BRIDGE_PATH}?code=abc&state=xyz`)).toBe(true);
  });

  it('still answers app routes with the shell', () => {
    expect(denied('/agenda/week/2026-12-03')).toBe(false);
    expect(denied('/settings')).toBe(false);
    expect(denied('/auth')).toBe(false);
  });
});
