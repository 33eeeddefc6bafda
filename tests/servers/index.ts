/** Real CalDAV servers and the fault layer for tests and benchmarks (Node only). */
export { ensureServerPackages, ensureDebianTools, VDIRSYNCER } from './ensure-packages';
export type { RunningServer, StartServerOptions } from './running-server';
export { startRadicale, radicaleCollectionDir } from './radicale';
export { startXandikos } from './xandikos';
export { createDavClient, type DavClient, type ServerObject } from './dav-client';
export { parseMultistatus } from './multistatus';
