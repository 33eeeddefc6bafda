/**
 * The configuration file of a test Dovecot (Debian `dovecot-imapd` 2.3): its own, in its own temp dir,
 * never the system's /etc/dovecot. IMAP only, on 127.0.0.1 and one port, no TLS: Dovecot takes
 * connections from the same address as secure, so plain LOGIN works there and nowhere else
 * (`disable_plaintext_auth` stays on). Users and passwords come from a passwd-file; the mail is a
 * Maildir per user, laid out before the server starts. `auth_failure_delay = 0` and no auth penalty keep
 * the wrong-password tests fast.
 */
export const DovecotCapabilities = {
  /** Dovecot's own list: CONDSTORE and QRESYNC (RFC 7162) on. */
  qresync: 'qresync',
  /** CONDSTORE only, like Gmail. */
  condstore: 'condstore',
  /** Neither: a client must scan UIDs and flags. */
  basic: 'basic',
} as const;
export type DovecotCapabilities = (typeof DovecotCapabilities)[keyof typeof DovecotCapabilities];

/** Dovecot 2.3's post-login capabilities (Debian build), as it announces them. */
const fullCapabilities = [
  'IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE SORT SORT=DISPLAY THREAD=REFERENCES THREAD=REFS',
  'THREAD=ORDEREDSUBJECT MULTIAPPEND URL-PARTIAL CATENATE UNSELECT CHILDREN NAMESPACE UIDPLUS',
  'LIST-EXTENDED I18NLEVEL=1 CONDSTORE QRESYNC ESEARCH ESORT SEARCHRES WITHIN CONTEXT=SEARCH',
  'LIST-STATUS BINARY MOVE SNIPPET=FUZZY PREVIEW=FUZZY PREVIEW STATUS=SIZE SAVEDATE LITERAL+',
  'NOTIFY SPECIAL-USE',
].join(' ');

function capabilityLine(kind: DovecotCapabilities): string {
  if (kind === 'qresync') return ''; // Dovecot's default.
  const removed = kind === 'condstore' ? ['QRESYNC'] : ['QRESYNC', 'CONDSTORE'];
  const kept = fullCapabilities.split(' ').filter((capability) => !removed.includes(capability));
  return `protocol imap {\n  imap_capability = ${kept.join(' ')}\n}\n`;
}

/** The special-use folders every test user has (RFC 6154), created on first login. */
export const SPECIAL_FOLDERS = [
  ['Drafts', '\\Drafts'],
  ['Sent', '\\Sent'],
  ['Trash', '\\Trash'],
  ['Junk', '\\Junk'],
  ['Archive', '\\Archive'],
] as const;

export interface DovecotConfigInput {
  readonly dir: string;
  readonly port: number;
  readonly usersFile: string;
  /** `%u` is replaced by Dovecot with the user name. */
  readonly mailRoot: string;
  /** Unix users the processes run as: root starts Dovecot, which refuses root for login and mail. */
  readonly internalUser: string;
  readonly loginUser: string;
  readonly mailUser: string;
  readonly mailUid: number;
  readonly capabilities: DovecotCapabilities;
  /** IMAP over TLS (implicit, like port 993) with this certificate instead of plain IMAP. */
  readonly tls?: { readonly certFile: string; readonly keyFile: string };
}

export function dovecotConfig(input: DovecotConfigInput): string {
  const mailboxes = SPECIAL_FOLDERS.map(
    ([name, use]) => `  mailbox ${name} {\n    special_use = ${use}\n    auto = subscribe\n  }\n`,
  ).join('');
  return `protocols = imap
listen = 127.0.0.1
base_dir = ${input.dir}/run
state_dir = ${input.dir}/state
instance_name = ${input.dir}
log_path = ${input.dir}/dovecot.log
info_log_path = ${input.dir}/dovecot.log
${input.tls ? `ssl = required\nssl_cert = <${input.tls.certFile}\nssl_key = <${input.tls.keyFile}` : 'ssl = no'}
disable_plaintext_auth = yes
auth_mechanisms = plain login
auth_failure_delay = 0
default_internal_user = ${input.internalUser}
default_internal_group = ${input.internalUser}
default_login_user = ${input.loginUser}
first_valid_uid = ${input.mailUid}
mail_uid = ${input.mailUser}
mail_gid = ${input.mailUser}
mail_location = maildir:${input.mailRoot}/%u/Maildir
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${input.usersFile}
}
userdb {
  driver = static
  args = uid=${input.mailUser} gid=${input.mailUser} home=${input.mailRoot}/%u
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${input.tls ? 0 : input.port}
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = ${input.tls ? input.port : 0}
    ssl = yes
  }
}
service anvil {
  chroot =
  # No auth penalty: Dovecot slows every login from an address after a failed one (up to 15 s), and
  # the tests log in wrong on purpose (doc.dovecot.org, "Authentication penalty support").
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}
namespace inbox {
  inbox = yes
  separator = /
${mailboxes}}
${capabilityLine(input.capabilities)}`;
}
