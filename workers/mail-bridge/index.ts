/** What other code (scripts/serve.mjs through the build, tests) imports from the mail bridge. */
export { createMailBridge, mailBridgePath } from './bridge-handler';
export type { MailBridge, MailBridgeDeps } from './bridge-handler';
export { createMailBridgeListener, startMailBridgeServer } from './node-server';
export type { MailBridgeListener, MailBridgeServer, MailBridgeServerOptions } from './node-server';
export { defaultMailBridgeConfig, presetImapHosts } from './config';
export type { MailBridgeConfig } from './config';
export { mailBridgeSettingsFromEnv } from './env-config';
export { MailBridgeErrorKind } from './bridge-error';
