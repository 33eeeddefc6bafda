/** What the request pipeline works with (one set per running server). */
import type { MailboxGate } from '../control/mailbox-gate';
import type { RequestStats } from '../control/request-stats';
import type { TokenRegistry } from '../control/token-registry';
import type { GraphContext } from '../routes/route';

export interface PipelineDeps {
  readonly context: GraphContext;
  readonly tokens: TokenRegistry;
  readonly gate: MailboxGate;
  readonly stats: RequestStats;
  /** `http://127.0.0.1:<port>/v1.0`. */
  readonly baseUrl: string;
  readonly now: () => number;
  readonly newRequestId: () => string;
}
