/** A tiny HTTP server on 127.0.0.1 answering every request with one scripted reply (failure kinds). */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ScriptedReply {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

export interface FakeHttpServer {
  readonly url: string;
  /** Method and path of every request received, in order. */
  readonly requests: string[];
  close(): Promise<void>;
}

export async function startFakeHttpServer(
  reply: (request: IncomingMessage) => ScriptedReply,
): Promise<FakeHttpServer> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(`${request.method ?? '?'} ${request.url ?? '?'}`);
    request.resume();
    request.on('end', () => {
      const scripted = reply(request);
      response.writeHead(scripted.status, scripted.headers);
      response.end(scripted.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
      }),
  };
}
