/**
 * Vitest global setup: installs the Debian servers the integration tests start (Radicale, Xandikos)
 * once, before any test file runs. On a new machine apt-get takes a minute or more; done inside each
 * file's `beforeAll` it outlasted their timeouts and whole files were skipped.
 */
import { ensureServerPackages } from './ensure-packages';

export default async function setup(): Promise<void> {
  await ensureServerPackages();
}
