import * as Comlink from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/core/errors';
import {
  appErrorThrowHandler,
  appErrorValueHandler,
  registerComlinkErrorHandlers,
} from '../../../src/lib/comlink-errors';

const busy = new AppError({
  kind: 'server',
  message: 'The server is busy (503).',
  retryable: true,
  detail: 'REPORT https://dav.example/cal/',
  retryAfterMs: 120_000,
});

function expectSameAppError(actual: unknown): void {
  expect(actual).toBeInstanceOf(AppError);
  expect((actual as AppError).toData()).toEqual(busy.toData());
  expect((actual as AppError).name).toBe('AppError');
}

describe('the AppError transfer handlers', () => {
  const original = Comlink.transferHandlers.get('throw');
  if (!original) throw new Error('comlink changed: no throw handler');
  const handler = appErrorThrowHandler(original);

  it('serialises a thrown AppError as plain, structured-cloneable data and rebuilds it', () => {
    const [wire, transfer] = handler.serialize({ value: busy });
    expect(transfer).toEqual([]);
    expect(structuredClone(wire)).toEqual({ appError: busy.toData() });
    let rethrown: unknown;
    try {
      handler.deserialize(structuredClone(wire));
    } catch (error) {
      rethrown = error;
    }
    expectSameAppError(rethrown);
  });

  it('leaves other errors to Comlink (name and message)', () => {
    const [wire] = handler.serialize({ value: new RangeError('bad range') });
    expect(() => handler.deserialize(wire)).toThrow(
      expect.objectContaining({ name: 'RangeError', message: 'bad range' }),
    );
  });

  it('round-trips a returned AppError as a value', () => {
    const [wire] = appErrorValueHandler.serialize(busy);
    expectSameAppError(appErrorValueHandler.deserialize(structuredClone(wire)));
  });
});

describe('across a real MessageChannel', () => {
  const ports: MessagePort[] = [];
  afterEach(() => {
    for (const port of ports.splice(0)) port.close();
  });

  it('keeps kind, retryable, detail and retryAfterMs of what the worker throws', async () => {
    registerComlinkErrorHandlers();
    registerComlinkErrorHandlers();
    const { port1, port2 } = new MessageChannel();
    ports.push(port1, port2);
    Comlink.expose(
      {
        fail: () => Promise.reject(busy),
        crash: () => Promise.reject(new TypeError('boom')),
        give: () => busy,
      },
      port1,
    );
    const remote = Comlink.wrap<{ fail(): Promise<void>; crash(): Promise<void>; give(): AppError }>(port2);

    const thrown = await remote.fail().catch((error: unknown) => error);
    expectSameAppError(thrown);
    await expect(remote.crash()).rejects.toMatchObject({ name: 'TypeError', message: 'boom' });
    expectSameAppError(await remote.give());
  });
});
