/**
 * Probes what the browser offers for background work (the platform side of background-mode.ts).
 * `periodicSync` and `sync` are not in TypeScript's DOM lib: read them as unknown.
 */
import type { BackgroundCapabilities } from './background-mode';

export interface PeriodicSyncManagerLike {
  register(tag: string, options: { minInterval: number }): Promise<void>;
  getTags(): Promise<string[]>;
}
export interface SyncManagerLike {
  register(tag: string): Promise<void>;
}

function hasMethod(value: unknown, name: string): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Record<string, unknown>)[name] === 'function'
  );
}

export function periodicSyncOf(registration: ServiceWorkerRegistration): PeriodicSyncManagerLike | null {
  const manager: unknown = (registration as unknown as Record<string, unknown>)['periodicSync'];
  return hasMethod(manager, 'register') ? (manager as PeriodicSyncManagerLike) : null;
}

export function syncOf(registration: ServiceWorkerRegistration): SyncManagerLike | null {
  const manager: unknown = (registration as unknown as Record<string, unknown>)['sync'];
  return hasMethod(manager, 'register') ? (manager as SyncManagerLike) : null;
}

async function periodicPermission(): Promise<PermissionState | 'unknown'> {
  try {
    // 'periodic-background-sync' is not in TypeScript's PermissionName union.
    const name = 'periodic-background-sync' as PermissionName;
    return (await navigator.permissions.query({ name })).state;
  } catch {
    return 'unknown';
  }
}

/** The active registration, or null when there is none (dev, first visit still installing, no SW). */
export async function activeRegistration(): Promise<ServiceWorkerRegistration | null> {
  if (!('serviceWorker' in navigator)) return null;
  const registration = await navigator.serviceWorker.getRegistration();
  return registration?.active ? registration : null;
}

export async function readBackgroundCapabilities(): Promise<BackgroundCapabilities> {
  const registration = await activeRegistration();
  if (!registration) {
    return { serviceWorker: false, periodicSync: false, periodicPermission: 'unknown', oneOffSync: false };
  }
  const periodic = periodicSyncOf(registration) !== null;
  return {
    serviceWorker: true,
    periodicSync: periodic,
    periodicPermission: periodic ? await periodicPermission() : 'unknown',
    oneOffSync: syncOf(registration) !== null,
  };
}
