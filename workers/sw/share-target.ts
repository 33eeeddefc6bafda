import { registerRoute } from 'workbox-routing';
import { putInInbox } from '../../src/core/pwa/import-inbox';
import {
  ImportSource,
  importUrl,
  LaunchRoute,
  SHARE_FILES_PARAM,
  subscribeUrl,
} from '../../src/core/pwa/launch-routes';
import { swWarn } from './log';

/** A link worth subscribing to: webcal:, webcals:, http: or https:. */
const FEED_LINK = /^(?:webcals?|https?):\/\/\S+$/i;

function sharedFiles(form: FormData): File[] {
  return form
    .getAll(SHARE_FILES_PARAM)
    .filter((value): value is File => value instanceof File && value.size > 0);
}

function sharedLink(form: FormData): string | null {
  for (const field of ['url', 'text']) {
    const value = form.get(field);
    if (typeof value === 'string' && FEED_LINK.test(value.trim())) return value.trim();
  }
  return null;
}

/**
 * Where a share lands: files go to the import inbox and the import screen; a calendar link (no file)
 * goes to the subscribe screen; anything else to the import screen, which says nothing arrived.
 */
async function answerShare(request: Request, origin: string, now: number): Promise<Response> {
  const target = (path: string): Response => Response.redirect(new URL(path, origin).href, 303);
  let form: FormData;
  try {
    form = await request.formData();
  } catch (error) {
    swWarn('share-target-unreadable', { error: String(error) });
    return target(importUrl(ImportSource.share));
  }
  const files = sharedFiles(form);
  if (files.length > 0) {
    await putInInbox(caches, files, ImportSource.share, now);
    return target(importUrl(ImportSource.share));
  }
  const link = sharedLink(form);
  return target(link === null ? importUrl(ImportSource.share) : subscribeUrl(link));
}

/** The manifest's share_target posts multipart data to LaunchRoute.shareTarget; only the SW answers it. */
export function registerShareTarget(origin: string): void {
  registerRoute(
    ({ url }) => url.origin === origin && url.pathname === LaunchRoute.shareTarget,
    ({ request }) => answerShare(request, origin, Date.now()),
    'POST',
  );
}
