// Only `version` is bundled: Vite's JSON plugin turns each top-level field into a named export that
// tree-shaking keeps or drops (https://vite.dev/guide/features#json).
import { version } from '../../../../package.json';

/** package.json's version, as built. */
export const APP_VERSION: string = version;
