import { describe, expect, it } from 'vitest';
import { parseDemoArgs } from '../../demo/server/parseDemoArgs.js';

describe('parseDemoArgs: the arguments of `npm run demo`', () => {
  it.each<[string[], { mode: 'dev' | 'preview'; port: number }]>([
    [[], { mode: 'dev', port: 8585 }],
    [['--preview'], { mode: 'preview', port: 8585 }],
    [['--port', '3000'], { mode: 'dev', port: 3000 }],
    [['--port=65535', '--preview'], { mode: 'preview', port: 65_535 }],
    [['--preview', '--port', '1'], { mode: 'preview', port: 1 }],
  ])('%j → %j', (args, expected) => {
    expect(parseDemoArgs(args)).toEqual(expected);
  });

  it.each<[string[], string]>([
    [['--watch'], 'Unknown argument --watch.'],
    [['--preview', '3000'], 'Unknown argument 3000.'],
    [['--port'], '--port needs a port number from 1 to 65535.'],
    [['--port', '0'], '--port needs a port number from 1 to 65535, not "0".'],
    [['--port', '65536'], '--port needs a port number from 1 to 65535, not "65536".'],
    [['--port', '80a'], '--port needs a port number from 1 to 65535, not "80a".'],
    [['--port=-1'], '--port needs a port number from 1 to 65535, not "-1".'],
    [['--port='], '--port needs a port number from 1 to 65535, not "".'],
    [['--port', '--preview'], '--port needs a port number from 1 to 65535, not "--preview".'],
  ])('%j → "%s"', (args, error) => {
    expect(parseDemoArgs(args)).toEqual({ error });
  });
});
