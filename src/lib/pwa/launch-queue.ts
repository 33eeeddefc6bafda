import { putInInbox } from '../../core/pwa/import-inbox';
import { ImportSource, importUrl } from '../../core/pwa/launch-routes';

/**
 * The manifest asks for `launch_handler: focus-existing`: when Almanac is already open, a shortcut,
 * a `webcal:` link or an opened `.ics` file focuses that window instead of opening another, and the
 * launch arrives here, through `window.launchQueue` (Chromium; elsewhere each launch is a normal
 * navigation and this does nothing). Files go to the import inbox and the import screen; any other
 * launch navigates to its URL inside the app.
 */
interface LaunchParams {
  readonly targetURL?: string;
  readonly files: readonly FileSystemHandle[];
}
interface LaunchQueue {
  setConsumer(consumer: (params: LaunchParams) => void): void;
}

/** The URL the page was opened at: the launch that opened it needs no second navigation. */
const bootUrl = typeof location === 'undefined' ? '' : location.href;

function isFileHandle(handle: FileSystemHandle): handle is FileSystemFileHandle {
  return handle.kind === 'file';
}

async function launchedFiles(handles: readonly FileSystemHandle[]): Promise<File[]> {
  return Promise.all(handles.filter(isFileHandle).map((handle) => handle.getFile()));
}

/** The in-app path of a launch URL, or null when it is not ours or is where the page opened. */
function launchPath(targetURL: string | undefined, first: boolean): string | null {
  if (targetURL === undefined || (first && targetURL === bootUrl)) return null;
  const url = new URL(targetURL, location.origin);
  return url.origin === location.origin ? `${url.pathname}${url.search}` : null;
}

/** Starts consuming launches; `navigate` is the router's (no full reload). */
export function consumeLaunches(navigate: (path: string) => void): void {
  const queue = (window as Window & { launchQueue?: LaunchQueue }).launchQueue;
  if (!queue) return;
  let first = true;
  queue.setConsumer((params) => {
    const isFirst = first;
    first = false;
    if (params.files.length > 0) {
      void launchedFiles(params.files)
        .then((files) => putInInbox(caches, files, ImportSource.file, Date.now()))
        .then(() => {
          navigate(importUrl(ImportSource.file));
        });
      return;
    }
    const path = launchPath(params.targetURL, isFirst);
    if (path !== null) navigate(path);
  });
}
