import { transferHandlers, type TransferHandler } from 'comlink';
import { AppError, type AppErrorData } from '../core/errors';

/**
 * Comlink sends a thrown Error as its name, message and stack only, so an AppError's kind, retryable,
 * detail and retryAfterMs would be lost on the way from the worker to the page. This wraps Comlink's
 * own "throw" handler: an AppError travels as its data and is rebuilt as an AppError on the other
 * side; anything else is left to Comlink. Register it on both sides (the worker and the page).
 */
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

let registered = false;

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
  original: TransferHandler<unknown, unknown>,
): TransferHandler<unknown, unknown> {
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

export const appErrorValueHandler: TransferHandler<AppError, AppErrorData> = {
  canHandle: (value): value is AppError => value instanceof AppError,
  serialize: (error) => [error.toData(), []],
  deserialize: (data) => new AppError(data),
};

/** Installs the handlers once per context (idempotent). */
export function registerComlinkErrorHandlers(): void {
  if (registered) return;
  const original = transferHandlers.get(THROW);
  if (original === undefined) throw new Error('Comlink has no "throw" transfer handler to extend.');
  transferHandlers.set(THROW, appErrorThrowHandler(original));
  transferHandlers.set(APP_ERROR, appErrorValueHandler);
  registered = true;
}
