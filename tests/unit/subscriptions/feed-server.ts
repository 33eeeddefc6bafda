import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A local feed answering ETag / Last-Modified and 304, recording what each request asked. */
export interface FeedServer {
  readonly url: string;
  readonly requests: IncomingHttpHeaders[];
  /** Serves `body` (text, or bytes sent as they are) from now on, with a new ETag. */
  publish(body: string | Uint8Array): void;
  /** Answers every request with this status (500, 404…), or null to serve the feed again. */
  failWith(status: number | null): void;
  close(): Promise<void>;
}

export async function startFeedServer(body: string | Uint8Array): Promise<FeedServer> {
  let current = body;
  let version = 1;
  let failure: number | null = null;
  const lastModified = new Date(Date.UTC(2026, 10, 1)).toUTCString();
  const requests: IncomingHttpHeaders[] = [];
  const server: Server = createServer((request, response) => {
    requests.push(request.headers);
    if (failure !== null) {
      response.writeHead(failure).end();
      return;
    }
    const etag = `"v${version}"`;
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, { ETag: etag }).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': 'text/calendar', ETag: etag, 'Last-Modified': lastModified });
    response.end(current);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/town.ics`,
    requests,
    publish(next) {
      current = next;
      version += 1;
    },
    failWith(status) {
      failure = status;
    },
    close: () =>
      new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      ),
  };
}
