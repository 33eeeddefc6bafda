/**
 * Bearer tokens the test server accepts. A test issues tokens, expires or revokes them; a token the
 * registry does not know may still pass `verifyToken` (the seam for JWTs from a real issuer, such as
 * a local OpenID Connect provider). Refusals answer 401 `InvalidAuthenticationToken` with Graph's
 * messages for a missing, expired or unreadable token.
 */
import { GraphErrors, type GraphError } from '../graph-error';

export type VerifyToken = (token: string) => boolean | Promise<boolean>;

export interface IssueOptions {
  /** The token expires this many ms after it is issued (never by default). */
  readonly expiresInMs?: number;
}

export class TokenRegistry {
  readonly #valid = new Map<string, number>();
  readonly #expired = new Set<string>();
  readonly #now: () => number;
  readonly #verify: VerifyToken | undefined;
  #counter = 0;

  constructor(now: () => number, verify?: VerifyToken) {
    this.#now = now;
    this.#verify = verify;
  }

  /** Makes `token` (or a new one) valid and returns it. */
  issue(token?: string, options: IssueOptions = {}): string {
    this.#counter += 1;
    const value = token ?? `graph-test-token-${this.#counter}-${Math.random().toString(36).slice(2, 10)}`;
    this.#expired.delete(value);
    this.#valid.set(value, options.expiresInMs === undefined ? Infinity : this.#now() + options.expiresInMs);
    return value;
  }

  /** From now on `token` is refused as expired (whether it was issued here or verified). */
  expire(token: string): void {
    this.#valid.delete(token);
    this.#expired.add(token);
  }

  /** From now on `token` is refused as unknown. */
  revoke(token: string): void {
    this.#valid.delete(token);
    this.#expired.delete(token);
  }

  /** Null when the `Authorization` header carries an accepted bearer token, else the 401. */
  async check(authorization: string | undefined): Promise<GraphError | null> {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
    if (token === undefined) return GraphErrors.unauthenticated('Access token is empty.');
    const expiresAt = this.#valid.get(token);
    if (this.#expired.has(token) || (expiresAt !== undefined && expiresAt <= this.#now())) {
      return GraphErrors.unauthenticated('Access token has expired or is not yet valid.');
    }
    if (expiresAt !== undefined) return null;
    if (this.#verify && (await this.#verify(token))) return null;
    return GraphErrors.unauthenticated('Access token validation failure.');
  }
}
