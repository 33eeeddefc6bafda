/**
 * Resolves a checked target's host to the one address the proxy will connect to. Every address the
 * name resolves to must pass the address policy (a name answering both a public and a private address
 * is refused, unless the operator opened private addresses for exactly this `host:port`), and the
 * first one is returned so the connection goes to an address that was checked, never to a fresh lookup.
 */
import { parseIp, type IpAddress } from './ip-address.ts';
import { refuse, type Refusal } from './refusal.ts';
import { resolvedAddressRefusal, type CheckedTarget } from './target-url.ts';
import type { LookupFn } from './upstream';

export async function resolveTarget(target: CheckedTarget, lookup: LookupFn): Promise<IpAddress | Refusal> {
  const { host, port } = target;
  const literal = parseIp(host);
  if (literal) return literal; // Already judged by checkTargetUrl.
  const details = { host, port };
  let answers;
  try {
    answers = await lookup(host);
  } catch {
    return refuse('dns-failed', `The name ${host} could not be resolved.`, { details });
  }
  if (answers.length === 0) return refuse('dns-failed', `The name ${host} has no address.`, { details });
  const checked: IpAddress[] = [];
  for (const answer of answers) {
    const refusal = resolvedAddressRefusal(target, answer.address);
    if (refusal) return refusal;
    const ip = parseIp(answer.address);
    if (ip) checked.push(ip);
  }
  const [first] = checked;
  return first ?? refuse('dns-failed', `The name ${host} has no usable address.`, { details });
}
