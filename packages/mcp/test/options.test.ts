// Flags and bearer parsing: each bad flag is named with what is allowed, before anything starts.
import { describe, expect, it } from 'vitest';
import { DEFAULT_WAIT_SECONDS, parseCommand, requestKey } from '../src/index';

describe('parseCommand', () => {
  it('defaults to stdio with a wait well under the ~60 s host timeout and local files off', () => {
    expect(parseCommand([])).toEqual({
      kind: 'stdio',
      options: { waitMs: DEFAULT_WAIT_SECONDS * 1000, imageFolders: [], verbose: false },
    });
    expect(DEFAULT_WAIT_SECONDS).toBeLessThan(60);
  });

  it('reads every tool-set option and the HTTP options', () => {
    const command = parseCommand([
      '--http',
      '--port=8080',
      '--wait',
      '10',
      '--max-credits-per-call',
      '20',
      '--max-credits-total',
      '100',
      '--models',
      't2v,i2v',
      '--image-folder',
      '/tmp/a',
      '--image-folder',
      '/tmp/b',
      '--allowed-host',
      'mcp.example.com',
    ]);
    expect(command).toEqual({
      kind: 'http',
      options: {
        waitMs: 10_000,
        maxCreditsPerCall: 20,
        maxCreditsTotal: 100,
        allowedModels: ['t2v', 'i2v'],
        imageFolders: ['/tmp/a', '/tmp/b'],
        verbose: false,
      },
      http: { port: 8080, host: '127.0.0.1', allowedHosts: ['mcp.example.com'] },
    });
  });

  it('names the flag and the allowed values when a flag is wrong', () => {
    expect(() => parseCommand(['--wait', 'soon'])).toThrow(/--wait.*"soon"/);
    expect(() => parseCommand(['--models', 't2v,sora'])).toThrow(/--models.*"sora".*Allowed: "t2v"/);
    expect(() => parseCommand(['--port', '80'])).toThrow(/--port: needs --http/);
    expect(() => parseCommand(['--api-key', 'x'])).toThrow(/api-key/);
  });
});

describe('requestKey', () => {
  it('takes the bearer token, else the server key; a malformed header never falls back', () => {
    expect(requestKey('Bearer abc123', 'server')).toBe('abc123');
    expect(requestKey('bearer  abc123 ', undefined)).toBe('abc123');
    expect(requestKey(undefined, 'server')).toBe('server');
    expect(requestKey(undefined, undefined)).toBeUndefined();
    expect(requestKey('Basic dXNlcjpwYXNz', 'server')).toBeUndefined();
    expect(requestKey('Bearer', 'server')).toBeUndefined();
  });
});
