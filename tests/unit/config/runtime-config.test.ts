import { describe, expect, it } from 'vitest';
import {
  DEFAULT_GRAPH_BASE_URL,
  DEFAULT_MS_AUTHORITY,
  readRuntimeConfig,
  remoteOriginsOf,
  type RuntimeConfigResult,
} from '../../../src/core/config/runtime-config';
import {
  describeRuntimeConfigProblem,
  runtimeConfigFromEnv,
} from '../../../src/core/config/runtime-config-env';

const CLIENT_ID = '11111111-2222-3333-4444-555555555555';

function valid(overrides: Record<string, unknown> = {}): unknown {
  return {
    microsoft: {
      clientId: CLIENT_ID,
      authority: DEFAULT_MS_AUTHORITY,
      knownAuthorities: [],
      protocol: 'AAD',
      graphBaseUrl: DEFAULT_GRAPH_BASE_URL,
      ...overrides,
    },
  };
}

function problemOf(result: RuntimeConfigResult): { field: string | null; variable: string | null } {
  if (result.ok) throw new Error('expected a problem');
  return { field: result.problem.field, variable: result.problem.variable };
}

describe('readRuntimeConfig', () => {
  it('reads a complete configuration', () => {
    const result = readRuntimeConfig(valid({ graphBaseUrl: 'https://graph.microsoft.com/v1.0/' }));
    expect(result).toEqual({
      ok: true,
      config: {
        microsoft: {
          clientId: CLIENT_ID,
          authority: DEFAULT_MS_AUTHORITY,
          knownAuthorities: [],
          protocol: 'AAD',
          graphBaseUrl: 'https://graph.microsoft.com/v1.0',
        },
      },
    });
  });

  it('accepts no client id (sign-in not configured)', () => {
    const result = readRuntimeConfig(valid({ clientId: null }));
    expect(result.ok && result.config.microsoft.clientId).toBe(null);
  });

  it.each([
    ['not an object', 'x', null],
    ['no microsoft object', {}, null],
    ['a client id with spaces', valid({ clientId: 'a b' }), 'clientId'],
    ['an empty client id', valid({ clientId: '' }), 'clientId'],
    ['an http authority', valid({ authority: 'http://login.example.org/x' }), 'authority'],
    ['an http loopback authority', valid({ authority: 'http://127.0.0.1:3000' }), 'authority'],
    ['an authority with a query', valid({ authority: 'https://login.example.org/x?a=1' }), 'authority'],
    ['an authority that is no URL', valid({ authority: 'login' }), 'authority'],
    [
      'known authorities that are URLs',
      valid({ knownAuthorities: ['https://a.example'] }),
      'knownAuthorities',
    ],
    ['an unknown protocol', valid({ protocol: 'SAML' }), 'protocol'],
    [
      'OIDC without the authority among the known ones',
      valid({ authority: 'https://127.0.0.1:9443', protocol: 'OIDC' }),
      'knownAuthorities',
    ],
    [
      'an http Graph on another host',
      valid({ graphBaseUrl: 'http://graph.example.org/v1.0' }),
      'graphBaseUrl',
    ],
    [
      'a Graph URL with credentials',
      valid({ graphBaseUrl: 'https://u:p@graph.example.org' }),
      'graphBaseUrl',
    ],
  ])('refuses %s', (_name, json, field) => {
    expect(problemOf(readRuntimeConfig(json)).field).toBe(field);
  });

  it('accepts a test authority and an http Graph on loopback', () => {
    const result = readRuntimeConfig(
      valid({
        authority: 'https://127.0.0.1:9443',
        knownAuthorities: ['127.0.0.1:9443'],
        protocol: 'OIDC',
        graphBaseUrl: 'http://127.0.0.1:8123/v1.0',
      }),
    );
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(remoteOriginsOf(result.config)).toEqual({
        connect: ['https://127.0.0.1:9443', 'http://127.0.0.1:8123'],
        frame: ['https://127.0.0.1:9443'],
      });
    }
  });
});

describe('runtimeConfigFromEnv', () => {
  it('uses the defaults with nothing set', () => {
    expect(runtimeConfigFromEnv({})).toEqual({
      ok: true,
      config: {
        microsoft: {
          clientId: null,
          authority: DEFAULT_MS_AUTHORITY,
          knownAuthorities: [],
          protocol: 'AAD',
          graphBaseUrl: DEFAULT_GRAPH_BASE_URL,
        },
      },
    });
  });

  it('reads every variable', () => {
    const result = runtimeConfigFromEnv({
      ALMANAC_MS_CLIENT_ID: ` ${CLIENT_ID} `,
      ALMANAC_MS_AUTHORITY: 'https://127.0.0.1:9443/',
      ALMANAC_MS_KNOWN_AUTHORITIES: '127.0.0.1:9443, login.example.org',
      ALMANAC_MS_PROTOCOL_MODE: 'oidc',
      ALMANAC_GRAPH_BASE_URL: 'http://localhost:8123/v1.0',
    });
    expect(result).toEqual({
      ok: true,
      config: {
        microsoft: {
          clientId: CLIENT_ID,
          authority: 'https://127.0.0.1:9443',
          knownAuthorities: ['127.0.0.1:9443', 'login.example.org'],
          protocol: 'OIDC',
          graphBaseUrl: 'http://localhost:8123/v1.0',
        },
      },
    });
  });

  it('names the variable to fix', () => {
    const result = runtimeConfigFromEnv({ ALMANAC_MS_AUTHORITY: 'http://login.example.org/common' });
    expect(problemOf(result).variable).toBe('ALMANAC_MS_AUTHORITY');
    if (!result.ok) {
      expect(describeRuntimeConfigProblem(result)).toBe('ALMANAC_MS_AUTHORITY must start with https://.');
    }
  });
});
