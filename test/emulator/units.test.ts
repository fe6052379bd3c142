import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCognitoEmulator } from 'react-cognito-sso/emulator';
import type { CognitoEmulator } from 'react-cognito-sso/emulator';
import { Clock } from '../../emulator/Clock.js';
import { escapeHtml } from '../../emulator/escapeHtml.js';
import { parseCliArgs } from '../../emulator/parseCliArgs.js';
import { stableSub } from '../../emulator/stableSub.js';
import { verifyCodeChallenge } from '../../emulator/verifyCodeChallenge.js';
import { exchangeCode, signIn } from './flow.js';

describe('verifyCodeChallenge (RFC 7636 S256)', () => {
  const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
  const challenge = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

  it('accepts the RFC 7636 appendix B example', () => {
    expect(verifyCodeChallenge(verifier, challenge)).toBe(true);
  });

  it('refuses another verifier, the challenge itself, and malformed input', () => {
    expect(verifyCodeChallenge(`${verifier.slice(0, -1)}l`, challenge)).toBe(false);
    expect(verifyCodeChallenge(challenge, challenge)).toBe(false);
    expect(verifyCodeChallenge('short', createHash('sha256').update('short').digest('base64url'))).toBe(
      false,
    );
    expect(verifyCodeChallenge(`${verifier}!`, challenge)).toBe(false);
    expect(
      verifyCodeChallenge('a'.repeat(129), createHash('sha256').update('a'.repeat(129)).digest('base64url')),
    ).toBe(false);
    expect(verifyCodeChallenge(verifier, `${challenge}=`)).toBe(false);
  });
});

describe('Clock', () => {
  it('adds the offset to the injected time source', () => {
    let now = 1_700_000_000_500;
    const clock = new Clock(() => now);
    expect(clock.nowSeconds()).toBe(1_700_000_000);
    clock.setOffsetSeconds(-60);
    expect(clock.nowMs()).toBe(1_699_999_940_500);
    now += 1000;
    expect(clock.nowSeconds()).toBe(1_699_999_941);
    expect(() => clock.setOffsetSeconds(Infinity)).toThrow(RangeError);
  });
});

describe('stableSub', () => {
  it('is a stable version-5 UUID per username', () => {
    expect(stableSub('alice')).toBe(stableSub('alice'));
    expect(stableSub('alice')).not.toBe(stableSub('bob'));
    expect(stableSub('alice')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});

describe('parseCliArgs', () => {
  it('reads every flag in both forms', () => {
    expect(
      parseCliArgs([
        '--port',
        '9229',
        '--domain-port=9300',
        '--users',
        'u.json',
        '--config=c.json',
        '--app-origin',
        'http://LOCALHOST:5173',
        '--app-origin=https://app.example.com/',
        '--json',
      ]),
    ).toEqual({
      port: 9229,
      domainPort: 9300,
      usersFile: 'u.json',
      configFile: 'c.json',
      appOrigins: ['http://LOCALHOST:5173', 'https://app.example.com/'],
      json: true,
      help: false,
    });
    expect(parseCliArgs([])).toMatchObject({ port: undefined, json: false, help: false });
    expect(parseCliArgs(['--help'])).toMatchObject({ json: false, help: true });
    expect(parseCliArgs(['--port', '65535']).port).toBe(65_535);
  });

  it.each([
    [['--port'], '--port needs a port'],
    [['--port', '70000'], '--port needs a port'],
    [['--port', '-1'], '--port needs a port'],
    [['--port', '12x'], '--port needs a port'],
    [['--users='], '--users needs a file'],
    [['--users'], '--users needs a file'],
    [['--config', '--json'], '--config needs a file'],
    [['--json=yes'], '--json takes no value'],
    [['--app-origin'], '--app-origin needs a URL'],
    [['serve'], 'unknown argument serve'],
  ])('refuses %j', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(message);
  });
});

describe('injected time source', () => {
  let now = Date.UTC(2030, 0, 1);
  let emulator: CognitoEmulator;
  beforeAll(async () => {
    emulator = await startCognitoEmulator({
      clients: [
        { clientId: 'clockclient', callbackUrls: ['http://localhost:3000/callback'], logoutUrls: [] },
      ],
      now: () => now,
    });
  });
  afterAll(() => emulator.stop());

  it('expires codes by the injected clock', async () => {
    const signedIn = await signIn(emulator);
    now += 5 * 60 * 1000;
    const response = await exchangeCode(emulator, signedIn);
    expect(((await response.json()) as { error: string }).error).toBe('invalid_grant');
  });

  it('stamps tokens with the injected time', async () => {
    const response = await exchangeCode(emulator, await signIn(emulator));
    const { access_token: token } = (await response.json()) as { access_token: string };
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as {
      iat: number;
    };
    expect(claims.iat).toBe(Math.floor(now / 1000));
  });
});
