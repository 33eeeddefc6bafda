/**
 * oidc-provider's storage (sessions, grants, codes, tokens) in one Map the test can wipe: "the
 * authority forgot everyone" is how a test makes a sign-in run out (refresh token, session and grant
 * gone at once, as when Microsoft's 24-hour SPA sign-in ends: docs/sync-rules.md rule 51).
 */
import type { Adapter, AdapterPayload } from 'oidc-provider';

interface Stored {
  readonly payload: AdapterPayload;
  readonly expiresAt: number;
}

export class MemoryStore {
  readonly #items = new Map<string, Stored>();

  key(model: string, id: string): string {
    return `${model}:${id}`;
  }

  get(key: string): AdapterPayload | undefined {
    const stored = this.#items.get(key);
    if (stored === undefined) return undefined;
    if (stored.expiresAt <= Date.now()) {
      this.#items.delete(key);
      return undefined;
    }
    return stored.payload;
  }

  set(key: string, payload: AdapterPayload, expiresInSeconds: number | undefined): void {
    const expiresAt = expiresInSeconds === undefined ? Infinity : Date.now() + expiresInSeconds * 1000;
    this.#items.set(key, { payload, expiresAt });
  }

  delete(key: string): void {
    this.#items.delete(key);
  }

  /** Every entry whose payload matches. */
  keysWhere(match: (payload: AdapterPayload) => boolean): string[] {
    return [...this.#items].filter(([, stored]) => match(stored.payload)).map(([key]) => key);
  }

  clear(): void {
    this.#items.clear();
  }
}

/** The adapter class oidc-provider instantiates once per model name, over one store. */
export function memoryAdapter(store: MemoryStore): new (model: string) => Adapter {
  return class MemoryAdapter implements Adapter {
    readonly #model: string;

    constructor(model: string) {
      this.#model = model;
    }

    upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void> {
      store.set(store.key(this.#model, id), payload, expiresIn);
      return Promise.resolve();
    }

    find(id: string): Promise<AdapterPayload | undefined> {
      return Promise.resolve(store.get(store.key(this.#model, id)));
    }

    findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
      const key = store.keysWhere((payload) => payload.userCode === userCode)[0];
      return Promise.resolve(key === undefined ? undefined : store.get(key));
    }

    findByUid(uid: string): Promise<AdapterPayload | undefined> {
      const key = store.keysWhere((payload) => payload.uid === uid)[0];
      return Promise.resolve(key === undefined ? undefined : store.get(key));
    }

    consume(id: string): Promise<void> {
      const key = store.key(this.#model, id);
      const payload = store.get(key);
      if (payload !== undefined) store.set(key, { ...payload, consumed: Math.floor(Date.now() / 1000) }, 60);
      return Promise.resolve();
    }

    destroy(id: string): Promise<void> {
      store.delete(store.key(this.#model, id));
      return Promise.resolve();
    }

    revokeByGrantId(grantId: string): Promise<void> {
      for (const key of store.keysWhere((payload) => payload.grantId === grantId)) store.delete(key);
      return Promise.resolve();
    }
  };
}
