// The headers every answer of `npm start` carries, whatever its status: files, the shell, 304s, 404s,
// 405s, 400s written straight to the socket, and the proxy's answers under /proxy. The sign-in
// authority and Graph (the runtime configuration) are the only other origins the page may reach.
import { remoteOrigins } from './runtime-config.mjs';

/** @param {string} frameAncestors */
const contentSecurityPolicy = (frameAncestors) =>
  [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'", // Solid and FullCalendar set inline style attributes.
    "img-src 'self' data: blob:",
    "font-src 'self'",
    ["connect-src 'self'", ...remoteOrigins.connect].join(' '),
    ["frame-src 'self'", ...remoteOrigins.frame].join(' '),
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `frame-ancestors ${frameAncestors}`,
    "form-action 'self'",
  ].join('; ');

// Powerful features the app never uses, off for this origin and anything it embeds. Clipboard stays on
// ("Copy diagnostics"), and so do notifications (not a policy-controlled feature).
const permissionsPolicy = [
  'accelerometer',
  'autoplay',
  'browsing-topics',
  'camera',
  'display-capture',
  'encrypted-media',
  'geolocation',
  'gyroscope',
  'hid',
  'idle-detection',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'picture-in-picture',
  'screen-wake-lock',
  'serial',
  'usb',
  'xr-spatial-tracking',
]
  .map((feature) => `${feature}=()`)
  .join(', ');

/** @type {Readonly<Record<string, string>>} */
export const securityHeaders = Object.freeze({
  'Content-Security-Policy': contentSecurityPolicy("'none'"),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': permissionsPolicy,
});

/**
 * MSAL's redirect-bridge page (docs/sync-rules.md rule 52): no Cross-Origin-Opener-Policy (it would
 * cut the sign-in popup off from the app), and framable by the app itself (silent renewal runs it in
 * a hidden iframe).
 * @type {Readonly<Record<string, string>>}
 */
export const bridgeHeaders = Object.freeze({
  ...Object.fromEntries(
    Object.entries(securityHeaders).filter(([name]) => name !== 'Cross-Origin-Opener-Policy'),
  ),
  'Content-Security-Policy': contentSecurityPolicy("'self'"),
});
