/** The `cognito-emulator` command line, parsed. */
export interface CliArgs {
  /** `--port N`: issuer origin port (default: the config file's `issuerPort`, else 9229; 0 picks free ports). */
  port: number | undefined;
  /** `--domain-port N`: hosted-UI domain port (default: port + 1, or free when port is 0). */
  domainPort: number | undefined;
  /** `--users FILE`: JSON array of users, replacing the demo users. */
  usersFile: string | undefined;
  /** `--config FILE`: JSON emulator configuration. */
  configFile: string | undefined;
  /** `--app-origin URL` (repeatable): `EmulatorOptions.appOrigins`, checked there. */
  appOrigins: string[];
  /** `--json`: print the configuration as one JSON line instead of the banner. */
  json: boolean;
  /** `--help`. */
  help: boolean;
}

/** The `--help` text. */
export const USAGE = `Usage: cognito-emulator [options]

A strict local Amazon Cognito user pool (hosted UI, PKCE code flow, tokens, refresh, revoke, logout).
For development only.

Options:
  --port N          issuer origin port (default: 9229; 0 = free ports for both origins)
  --domain-port N   hosted-UI domain port (default: --port + 1)
  --app-origin URL  also accept URL/callback and URL/ as callback and sign-out URLs of every app client
                    (the default client accepts http://localhost:8585 only), e.g. http://localhost:5173;
                    https, or http on localhost; repeatable, added to a config file's appOrigins
  --users FILE      JSON array of users: [{"username","password","email","groups"?,"attributes"?}]
  --config FILE     JSON configuration: {"region","userPoolId","clients","appOrigins","users","tokenLifetimes",
                    "refreshTokenRotation","issuerPort","domainPort"}
                    (a sample ships in the package: emulator/example-config.json)
  --json            print issuer, issuerOrigin, domain, userPoolId, region, clients, users as one JSON line
  --help            show this help

Runs until SIGINT or SIGTERM.`;

function portValue(flag: string, value: string | undefined): number {
  if (value === undefined || !/^\d+$/.test(value) || Number(value) > 65_535) {
    throw new Error(`${flag} needs a port number from 0 to 65535`);
  }
  return Number(value);
}

function textValue(flag: string, value: string | undefined, what = 'a file path'): string {
  if (value === undefined || value === '' || value.startsWith('--')) throw new Error(`${flag} needs ${what}`);
  return value;
}

/**
 * Parses `cognito-emulator` arguments (`--flag value` or `--flag=value`); throws an Error naming the
 * offending flag on anything unknown or malformed.
 */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = {
    port: undefined,
    domainPort: undefined,
    usersFile: undefined,
    configFile: undefined,
    appOrigins: [],
    json: false,
    help: false,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const equals = arg.indexOf('=');
    const flag = arg.startsWith('--') && equals !== -1 ? arg.slice(0, equals) : arg;
    const value = (): string | undefined => (flag === arg ? argv[(i += 1)] : arg.slice(equals + 1));
    switch (flag) {
      case '--port':
        args.port = portValue(flag, value());
        break;
      case '--domain-port':
        args.domainPort = portValue(flag, value());
        break;
      case '--users':
        args.usersFile = textValue(flag, value());
        break;
      case '--config':
        args.configFile = textValue(flag, value());
        break;
      case '--app-origin':
        args.appOrigins.push(textValue(flag, value(), 'a URL'));
        break;
      case '--json':
      case '--help':
        if (flag !== arg) throw new Error(`${flag} takes no value`);
        args[flag === '--json' ? 'json' : 'help'] = true;
        break;
      default:
        throw new Error(`unknown argument ${arg}`);
    }
  }
  return args;
}
