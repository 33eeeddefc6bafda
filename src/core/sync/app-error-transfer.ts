import { AppError, type AppErrorData } from '../errors';

/**
 * Comlink sends a thrown Error as its name, message and stack only, so an AppError's kind, retryable,
 * detail and retryAfterMs would be lost on the way from the worker to the page. This wraps Comlink's
 * own "throw" handler: an AppError travels as its data and is rebuilt as an AppError on the other
 * side; anything else is left to Comlink. Both sides register it: the page through
 * src/lib/comlink-errors.ts, the sync worker in workers/sync.worker.ts.
 *
 * Platform-free (no Comlink import): Comlink's handler registry is passed in. The shapes below are
 * Comlink's `TransferHandler` and `transferHandlers` as far as this file uses them.
 */
export interface TransferHandlerLike<T, S> {
  canHandle(value: unknown): value is T;
  serialize(value: T): [S, Transferable[]];
  deserialize(value: S): T;
}

export interface TransferHandlerRegistry {
  get(name: string): TransferHandlerLike<unknown, unknown> | undefined;
  set(name: string, handler: TransferHandlerLike<unknown, unknown>): unknown;
}

export interface SerializedThrow {
  readonly appError?: AppErrorData;
}

interface Thrown {
  readonly value: unknown;
}

/** The key Comlink looks its thrown-value handler up by (comlink/src/comlink.ts, `transferHandlers`). */
const THROW = 'throw';
/** Returned (not thrown) AppErrors, e.g. inside a result object. */
const APP_ERROR = 'almanac-app-error';

const registered = new WeakSet<TransferHandlerRegistry>();

function isThrown(value: unknown): value is Thrown {
  return typeof value === 'object' && value !== null && 'value' in value;
}

function isAppErrorData(value: unknown): value is AppErrorData {
  if (typeof value !== 'object' || value === null) return false;
  const data = value as Partial<Record<keyof AppErrorData, unknown>>;
  return (
    typeof data.kind === 'string' && typeof data.message === 'string' && typeof data.retryable === 'boolean'
  );
}

/** Wraps Comlink's throw handler (passed in, so tests can check it without the global registry). */
export function appErrorThrowHandler(
  original: TransferHandlerLike<unknown, unknown>,
): TransferHandlerLike<unknown, unknown> {
  return {
    canHandle: (value): value is unknown => original.canHandle(value),
    serialize(value) {
      if (isThrown(value) && value.value instanceof AppError) {
        const serialized: SerializedThrow = { appError: value.value.toData() };
        return [serialized, []];
      }
      return original.serialize(value);
    },
    deserialize(serialized) {
      if (typeof serialized === 'object' && serialized !== null && 'appError' in serialized) {
        const { appError } = serialized as SerializedThrow;
        if (isAppErrorData(appError)) throw new AppError(appError);
      }
      return original.deserialize(serialized);
    },
  };
}

export const appErrorValueHandler: TransferHandlerLike<AppError, AppErrorData> = {
  canHandle: (value): value is AppError => value instanceof AppError,
  serialize: (error) => [error.toData(), []],
  deserialize: (data) => new AppError(data),
};

/** Installs the handlers in Comlink's registry (`transferHandlers`), once per registry. */
export function registerAppErrorTransfer(registry: TransferHandlerRegistry): void {
  if (registered.has(registry)) return;
  const original = registry.get(THROW);
  if (original === undefined) throw new Error('Comlink has no "throw" transfer handler to extend.');
  registry.set(THROW, appErrorThrowHandler(original));
  registry.set(APP_ERROR, appErrorValueHandler);
  registered.add(registry);
}
