/**
 * Resolves a checked URL's host to the one address the proxy will connect to. Every address the
 * name resolves to must pass the address policy (a name answering both a public and a private
 * address is refused), and the first one is returned so the connection goes to an address that
 * was checked, never to a fresh lookup.
 */
import { addressRefusalReason } from './address-policy';
import type { ProxyConfig } from './config';
import { normaliseHost } from './host-allowlist';
import { parseIp, type IpAddress } from './ip-address';
import { refuse, type Refusal } from './refusal';
import type { LookupFn } from './upstream';

export async function resolveTarget(
  url: URL,
  config: ProxyConfig,
  lookup: LookupFn,
): Promise<IpAddress | Refusal> {
  const host = normaliseHost(url.hostname);
  const literal = parseIp(host);
  if (literal) return literal; // Already judged by checkTargetUrl.
  let answers;
  try {
    answers = await lookup(host);
  } catch {
    return refuse('dns-failed', `The name ${host} could not be resolved.`);
  }
  if (answers.length === 0) return refuse('dns-failed', `The name ${host} has no address.`);
  const checked: IpAddress[] = [];
  for (const answer of answers) {
    const reason = addressRefusalReason(answer.address, config);
    if (reason !== null) return refuse('address-not-allowed', `${host} resolves to ${reason}.`);
    const ip = parseIp(answer.address);
    if (ip) checked.push(ip);
  }
  const [first] = checked;
  return first ?? refuse('dns-failed', `The name ${host} has no usable address.`);
}
