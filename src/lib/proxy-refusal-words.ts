import { ProxyRefusalKind, type ProxyRefusal } from '../core/proxy-refusal';
import { defineCatalog } from './i18n/i18n-types';
import { useCatalog, type Params } from './i18n/locale';

/**
 * What the user can do about each refusal of the app's CORS proxy (src/core/proxy-refusal.ts), naming
 * the exact setting to change where one would help: the words shown as an error's action when the
 * error carries the refusal (src/lib/error-messages.ts, the subscribe screen). The settings are
 * described in README.md and workers/proxy/README.md.
 */
export const proxyRefusalMessages = defineCatalog({
  en: {
    hostNotAllowed:
      'The proxy does not know {host}: add “{entry}” to ALMANAC_PROXY_ALLOWED_HOSTS where Almanac runs, then restart it.',
    portNotAllowed:
      'Port {port} is not allowed: add “{entry}” to ALMANAC_PROXY_ALLOWED_HOSTS where Almanac runs, then restart it.',
    privateResolved:
      '{host} is on a private network ({address}): start Almanac with ALMANAC_PROXY_ALLOW_PRIVATE=1 and “{entry}” in ALMANAC_PROXY_ALLOWED_HOSTS.',
    privateAddress:
      '{host} is a private or local address: start Almanac with ALMANAC_PROXY_ALLOW_PRIVATE=1 and “{entry}” in ALMANAC_PROXY_ALLOWED_HOSTS.',
    neverResolved:
      '{host} leads to {address}, an address the proxy never reaches (cloud metadata, link-local, multicast or reserved): use the server’s public or network address.',
    neverAddress:
      '{host} is an address the proxy never reaches (cloud metadata, link-local, multicast or reserved): use the server’s public or network address.',
    addressSpelling:
      'Write the address as {address}: the proxy accepts IP addresses only in their usual form.',
    redirectTo: 'The server sent Almanac on to {host}.',
    redirectRefused: 'The server sent Almanac on to an address the proxy does not allow.',
    dnsFailed: 'No server called {host} could be found: check the address.',
    upstreamUnreachable:
      '{host} did not accept the connection: check the address and that the server is running.',
    upstreamTimeout:
      '{host} did not answer in time. Try again later; whoever runs Almanac can allow more time with ALMANAC_PROXY_TIMEOUT_MS.',
    responseTooLarge:
      'The server’s answer is larger than the proxy allows: raise ALMANAC_PROXY_MAX_RESPONSE_BYTES where Almanac runs.',
    bodyTooLarge:
      'This change is larger than the proxy allows: raise ALMANAC_PROXY_MAX_REQUEST_BYTES where Almanac runs.',
    rateLimited:
      'Too many requests went through the proxy at once: wait a moment and try again (the limits are ALMANAC_PROXY_RATE_BURST and ALMANAC_PROXY_RATE_PER_SECOND).',
    originNotAllowed:
      'The proxy does not accept requests from {origin}: add it to ALMANAC_PROXY_ORIGINS where Almanac runs.',
    originUnknown:
      'The proxy does not accept requests from this page’s address: add it to ALMANAC_PROXY_ORIGINS where Almanac runs.',
    schemeNotAllowed: 'Use an address that starts with https:// (or http://).',
    credentialsInUrl: 'Remove the user name and password from the address: Almanac sends them separately.',
    invalidUrl: 'Check the address: it must be a full URL, such as https://cloud.example.org/remote.php/dav.',
    tooManyRedirects: 'The server redirects more than 3 times: check the address.',
    methodNotAllowed: 'The proxy does not forward this kind of request. Please report it.',
    notFound:
      'The proxy is not at the address Almanac uses: check VITE_ALMANAC_PROXY_URL when building Almanac.',
    internal: 'The proxy failed unexpectedly: its log says why.',
  },
  fr: {
    hostNotAllowed:
      'Le proxy ne connaît pas {host} : ajoutez « {entry} » à ALMANAC_PROXY_ALLOWED_HOSTS là où Almanac tourne, puis redémarrez-le.',
    portNotAllowed:
      'Le port {port} n’est pas autorisé : ajoutez « {entry} » à ALMANAC_PROXY_ALLOWED_HOSTS là où Almanac tourne, puis redémarrez-le.',
    privateResolved:
      '{host} est sur un réseau privé ({address}) : lancez Almanac avec ALMANAC_PROXY_ALLOW_PRIVATE=1 et « {entry} » dans ALMANAC_PROXY_ALLOWED_HOSTS.',
    privateAddress:
      '{host} est une adresse privée ou locale : lancez Almanac avec ALMANAC_PROXY_ALLOW_PRIVATE=1 et « {entry} » dans ALMANAC_PROXY_ALLOWED_HOSTS.',
    neverResolved:
      '{host} mène à {address}, une adresse que le proxy ne joint jamais (métadonnées cloud, lien local, multidiffusion ou réservée) : utilisez l’adresse publique ou réseau du serveur.',
    neverAddress:
      '{host} est une adresse que le proxy ne joint jamais (métadonnées cloud, lien local, multidiffusion ou réservée) : utilisez l’adresse publique ou réseau du serveur.',
    addressSpelling:
      'Écrivez l’adresse {address} : le proxy n’accepte les adresses IP que sous leur forme habituelle.',
    redirectTo: 'Le serveur a renvoyé Almanac vers {host}.',
    redirectRefused: 'Le serveur a renvoyé Almanac vers une adresse que le proxy n’autorise pas.',
    dnsFailed: 'Aucun serveur nommé {host} n’a été trouvé : vérifiez l’adresse.',
    upstreamUnreachable:
      '{host} n’a pas accepté la connexion : vérifiez l’adresse et que le serveur fonctionne.',
    upstreamTimeout:
      '{host} n’a pas répondu à temps. Réessayez plus tard ; la personne qui gère Almanac peut accorder plus de temps avec ALMANAC_PROXY_TIMEOUT_MS.',
    responseTooLarge:
      'La réponse du serveur dépasse ce que le proxy accepte : augmentez ALMANAC_PROXY_MAX_RESPONSE_BYTES là où Almanac tourne.',
    bodyTooLarge:
      'Cette modification dépasse ce que le proxy accepte : augmentez ALMANAC_PROXY_MAX_REQUEST_BYTES là où Almanac tourne.',
    rateLimited:
      'Trop de requêtes sont passées par le proxy en même temps : patientez un instant et réessayez (les limites sont ALMANAC_PROXY_RATE_BURST et ALMANAC_PROXY_RATE_PER_SECOND).',
    originNotAllowed:
      'Le proxy n’accepte pas les requêtes venant de {origin} : ajoutez cette origine à ALMANAC_PROXY_ORIGINS là où Almanac tourne.',
    originUnknown:
      'Le proxy n’accepte pas les requêtes venant de l’adresse de cette page : ajoutez-la à ALMANAC_PROXY_ORIGINS là où Almanac tourne.',
    schemeNotAllowed: 'Utilisez une adresse qui commence par https:// (ou http://).',
    credentialsInUrl:
      'Retirez le nom d’utilisateur et le mot de passe de l’adresse : Almanac les envoie à part.',
    invalidUrl:
      'Vérifiez l’adresse : ce doit être une URL complète, comme https://cloud.example.org/remote.php/dav.',
    tooManyRedirects: 'Le serveur redirige plus de 3 fois : vérifiez l’adresse.',
    methodNotAllowed: 'Le proxy ne transmet pas ce type de requête. Merci de le signaler.',
    notFound:
      'Le proxy n’est pas à l’adresse qu’utilise Almanac : vérifiez VITE_ALMANAC_PROXY_URL à la construction d’Almanac.',
    internal: 'Le proxy a échoué de façon inattendue : son journal dit pourquoi.',
  },
});

type Key = keyof (typeof proxyRefusalMessages)['en'];

/** For each kind, its words; the first whose placeholders the refusal fills is used. */
const CANDIDATES: Readonly<Record<ProxyRefusalKind, readonly [Key, ...Key[]]>> = {
  'host-not-allowed': ['hostNotAllowed', 'invalidUrl'],
  'port-not-allowed': ['portNotAllowed', 'invalidUrl'],
  'private-address-not-allowed': ['privateResolved', 'privateAddress', 'invalidUrl'],
  'address-not-allowed': ['neverResolved', 'neverAddress', 'invalidUrl'],
  'address-spelling-not-allowed': ['addressSpelling', 'invalidUrl'],
  'redirect-not-allowed': ['redirectTo', 'redirectRefused'],
  'dns-failed': ['dnsFailed', 'invalidUrl'],
  'upstream-unreachable': ['upstreamUnreachable', 'invalidUrl'],
  'upstream-timeout': ['upstreamTimeout', 'rateLimited'],
  'response-too-large': ['responseTooLarge'],
  'body-too-large': ['bodyTooLarge'],
  'rate-limited': ['rateLimited'],
  'origin-not-allowed': ['originNotAllowed', 'originUnknown'],
  'scheme-not-allowed': ['schemeNotAllowed'],
  'credentials-in-url': ['credentialsInUrl'],
  'invalid-url': ['invalidUrl'],
  'missing-url': ['invalidUrl'],
  'too-many-redirects': ['tooManyRedirects'],
  'method-not-allowed': ['methodNotAllowed'],
  'not-found': ['notFound'],
  internal: ['internal'],
};

const placeholders = (template: string): string[] =>
  [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '');

function params(refusal: ProxyRefusal): Params {
  const found: Record<string, string> = {};
  const { host, port, entry, address, origin } = refusal;
  if (host !== undefined) found['host'] = host;
  if (port !== undefined) found['port'] = String(port);
  if (entry !== undefined) found['entry'] = entry;
  // Beside a literal host, its own address says nothing new ("192.168.1.20 … (192.168.1.20)").
  const literal = address !== undefined && host?.replace(/^\[|\]$/g, '') === address.replace(/^\[|\]$/g, '');
  if (address !== undefined && (!literal || refusal.kind === ProxyRefusalKind.addressSpellingNotAllowed)) {
    found['address'] = address;
  }
  if (origin !== undefined) found['origin'] = origin;
  return found;
}

/** What the user can do about this refusal, in the current UI language (reactive). */
export function proxyRefusalWords(refusal: ProxyRefusal): string {
  const t = useCatalog(proxyRefusalMessages);
  const given = params(refusal);
  const [first, ...rest] = CANDIDATES[refusal.kind];
  const key = [first, ...rest].find((candidate) =>
    placeholders(proxyRefusalMessages.en[candidate]).every((name) => name in given),
  );
  const words = t(key ?? first, given);
  const { cause } = refusal;
  if (refusal.kind !== ProxyRefusalKind.redirectNotAllowed || cause === undefined) return words;
  if (cause === ProxyRefusalKind.redirectNotAllowed) return words;
  return `${words} ${proxyRefusalWords({ ...refusal, kind: cause })}`;
}
