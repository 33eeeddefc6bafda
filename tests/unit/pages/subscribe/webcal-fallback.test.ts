import { describe, expect, it } from 'vitest';
import { AppError, ErrorKind } from '../../../../src/core/errors';
import {
  feedErrorMessage,
  httpFallback,
  isInsecureFeed,
} from '../../../../src/pages/subscribe/subscribe-data';

const unreachable = new AppError({
  kind: ErrorKind.serverNotFound,
  message: 'No server answers at this address.',
  retryable: false,
  proxyRefusal: { kind: 'upstream-unreachable', reason: 'The server could not be reached.' },
});
const offline = new AppError({
  kind: ErrorKind.network,
  message: 'The calendar could not be reached.',
  retryable: true,
});
const missing = new AppError({
  kind: ErrorKind.notFound,
  message: 'There is no calendar at this address.',
  retryable: false,
});

describe('a webcal: link', () => {
  it('falls back to http when nothing answers over https', () => {
    expect(httpFallback('webcal://feeds.example.org/town.ics', unreachable)).toBe(
      'http://feeds.example.org/town.ics',
    );
    expect(httpFallback('  WEBCAL://feeds.example.org/town.ics ', offline)).toBe(
      'http://feeds.example.org/town.ics',
    );
  });

  it('does not fall back for another failure, for webcals:, or for an address that names its scheme', () => {
    expect(httpFallback('webcal://feeds.example.org/town.ics', missing)).toBeNull();
    expect(httpFallback('webcals://feeds.example.org/town.ics', unreachable)).toBeNull();
    expect(httpFallback('https://feeds.example.org/town.ics', unreachable)).toBeNull();
    expect(httpFallback('http://feeds.example.org/town.ics', offline)).toBeNull();
  });

  it('marks an http feed as not encrypted', () => {
    expect(isInsecureFeed({ url: 'http://feeds.example.org/town.ics' })).toBe(true);
    expect(isInsecureFeed({ url: 'https://feeds.example.org/town.ics' })).toBe(false);
  });
});

describe('subscribe errors', () => {
  it('each have words saying how to fix them', () => {
    const refused = new AppError({ kind: ErrorKind.auth, message: 'refused', retryable: false });
    const server = new AppError({
      kind: ErrorKind.server,
      message: 'The server answered 500.',
      retryable: true,
    });
    expect(feedErrorMessage(refused).key).toBe('refused');
    expect(feedErrorMessage(server).key).toBe('serverProblem');
    expect(feedErrorMessage(missing).key).toBe('notFound');
  });
});
