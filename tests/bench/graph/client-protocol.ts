/** Messages between the benchmark and a Node client running in its own process (client-process.ts). */
import type { FloorRun, FloorSetup } from './floor';
import type { OriginalRun, OriginalSetup } from './original-way';

export const NodeClientName = { floor: 'floor', original: 'original' } as const;
export type NodeClientName = (typeof NodeClientName)[keyof typeof NodeClientName];

export type ClientSetup = FloorSetup & OriginalSetup;

export type ToClient =
  | { readonly kind: 'setup'; readonly setup: ClientSetup }
  | { readonly kind: 'sync' }
  | { readonly kind: 'reset' };

export type FromClient =
  | { readonly kind: 'ready' }
  | {
      readonly kind: 'synced';
      readonly ms: number;
      readonly peakHeapMb: number;
      readonly detail: FloorRun | OriginalRun;
    }
  | { readonly kind: 'failed'; readonly message: string };
