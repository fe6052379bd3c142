/**
 * Checks the published artefact, not the source tree: builds, packs the tarball, lints it with publint (strict)
 * and arethetypeswrong (ESM-only profile), walks the import graph of every browser entry (no Node built-ins, no
 * jose, no undeclared packages), installs the tarball into a scratch Vite + React + TypeScript app outside the
 * repository (once per React major of the peer range, 19 and 18), type-checks and builds that app, imports every
 * subpath in Node and compares its runtime exports with its declared ones, runs the packed `cognito-emulator` bin,
 * and signs in and out of the built app in headless Chromium against the emulator of the tarball (see
 * `scratchSignIn.ts`). Subpaths come from package.json `exports`, so a new one (e.g. `./testing`) is checked as soon
 * as it is declared. Exits non-zero on any failure.
 *
 * @example
 * ```sh
 * npm run check:package   # tsx scripts/check-package.ts
 * ```
 */
import { spawn } from 'node:child_process';
import { constants, existsSync, readFileSync, statSync } from 'node:fs';
import { access, mkdir, mkdtemp, readFile, readdir, realpath, rm, stat, writeFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import ts from 'typescript';
import { exportTarget, readPackageJson, readPublicApi, REPO_ROOT, specifierOf } from './api-report.js';
import type { ApiEntry, PackageJson } from './api-report.js';
import { firstLine } from './firstLine.js';
import {
  SCRATCH_API_USAGE,
  SCRATCH_EMULATOR_SCRIPT,
  SCRATCH_SIGN_IN_APP,
  ScratchSignInFailure,
  scratchSignIn,
} from './scratchSignIn.js';

/** Subpaths that are Node-only by design; every other JS export must be safe for the browser. */
const NODE_ONLY_SUBPATHS = new Set(['./emulator']);

/** The only subpaths that may import an optional peer dependency, and which one (apps without it use the rest). */
const OPTIONAL_PEER_SUBPATHS: Record<string, string> = { './react-oidc-context': 'react-oidc-context' };

/** Packages a browser entry must never pull in, besides Node built-ins. */
const FORBIDDEN_IN_BROWSER = ['jose'];

/** The scratch app's dependencies, pinned to the versions installed in the repository unless a React line pins them. */
const SCRATCH_DEPENDENCIES = ['react', 'react-dom', 'react-oidc-context'];
const SCRATCH_DEV_DEPENDENCIES = ['vite', 'typescript', '@types/react', '@types/react-dom'];

/**
 * A React major the peer range admits: where the repository installed its `react` and `react-dom`, and the versions
 * the scratch app pins for it instead of the repository's.
 */
interface ReactLine {
  major: number;
  reactRoot: string;
  pins: Record<string, string>;
}

/** `react` and `react-dom`: the packages a {@link ReactLine} takes from its own install. */
const REACT_PACKAGES = ['react', 'react-dom'];

/**
 * Every React major of the peer range `^18 || ^19`: the repository's own (19), and 18 — as the `test/react18`
 * workspace installs it, with its own types — so that the declared range is what a consumer's app type-checks,
 * builds and signs in with.
 */
const SCRATCH_REACT_LINES: ReactLine[] = [
  { major: 19, reactRoot: REPO_ROOT, pins: {} },
  {
    major: 18,
    reactRoot: join(REPO_ROOT, 'test', 'react18'),
    pins: { '@types/react': '18.3.32', '@types/react-dom': '18.3.7' },
  },
];

/** One step's outcome. */
interface StepResult {
  name: string;
  ok: boolean;
  ms: number;
  /** One-line result. */
  summary: string;
  /** Tool output worth reading (always on failure). */
  details?: string;
}

interface RunResult {
  code: number | null;
  output: string;
}

class StepFailure extends Error {
  constructor(
    readonly summary: string,
    readonly details?: string,
  ) {
    super(summary);
  }
}

/** The environment for child npm/node processes, without the variables `npm run` sets for this repository. */
function childEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^npm_(package_|lifecycle_|config_local_prefix$)/.test(key)) delete env[key];
  }
  return env;
}

function run(command: string, args: string[], cwd: string, timeoutMs = 300_000): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd, env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, output });
    });
  });
}

async function runOrFail(what: string, command: string, args: string[], cwd: string): Promise<string> {
  const { code, output } = await run(command, args, cwd);
  if (code !== 0) throw new StepFailure(`${what} failed (exit ${String(code)})`, output);
  return output;
}

function tail(text: string, lines = 60): string {
  const all = text.trimEnd().split('\n');
  return (all.length > lines ? ['…', ...all.slice(-lines)] : all).join('\n');
}

function binEntries(pkg: PackageJson): Record<string, string> {
  if (typeof pkg.bin === 'string') return { [pkg.name]: pkg.bin };
  return pkg.bin ?? {};
}

/** package name of a bare specifier: `@scope/name/x` → `@scope/name`, `name/x` → `name`. */
function packageNameOf(specifier: string): string {
  const parts = specifier.split('/');
  return (specifier.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1)).join('/');
}

const builtins = new Set(builtinModules);

function isNodeBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || builtins.has(packageNameOf(specifier));
}

/**
 * Walks the static and dynamic imports of `entry` (a file inside the unpacked package) and returns the problems:
 * relative imports that leave the package or miss a file, Node built-ins or forbidden packages in a browser
 * entry, bare imports of packages that are neither dependencies nor peer dependencies, and imports of an optional
 * peer dependency other than `optionalPeer`.
 */
async function importGraphProblems(
  packageDir: string,
  entry: string,
  pkg: PackageJson,
  environment: 'browser' | 'node',
  optionalPeer: string | undefined,
): Promise<{ files: number; bare: string[]; problems: string[] }> {
  const declared = new Set([
    ...Object.keys(pkg.dependencies ?? {}),
    ...Object.keys(pkg.peerDependencies ?? {}),
  ]);
  const optional = Object.entries(pkg.peerDependenciesMeta ?? {})
    .filter(([name, meta]) => meta.optional === true && name !== optionalPeer)
    .map(([name]) => name);
  const parent = new Map<string, string | undefined>([[entry, undefined]]);
  const chain = (file: string): string => {
    const names: string[] = [];
    for (let at: string | undefined = file; at !== undefined; at = parent.get(at)) names.unshift(at);
    return names.join(' → ');
  };
  const bare = new Set<string>();
  const problems: string[] = [];
  const queue = [entry];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    const text = await readFile(join(packageDir, file), 'utf8');
    for (const { fileName: specifier } of ts.preProcessFile(text, true, true).importedFiles) {
      if (specifier.startsWith('.') || specifier.startsWith('/')) {
        const target = relative(packageDir, resolve(packageDir, dirname(file), specifier));
        if (
          target.startsWith('..') ||
          !statSync(join(packageDir, target), { throwIfNoEntry: false })?.isFile()
        ) {
          problems.push(`${chain(file)} imports ${specifier}, which is not a file in the tarball`);
        } else if (!parent.has(target)) {
          parent.set(target, file);
          queue.push(target);
        }
        continue;
      }
      bare.add(specifier);
      const name = packageNameOf(specifier);
      if (environment === 'browser' && isNodeBuiltin(specifier)) {
        problems.push(`${chain(file)} imports the Node built-in ${specifier}`);
      } else if (environment === 'browser' && FORBIDDEN_IN_BROWSER.includes(name)) {
        problems.push(`${chain(file)} imports ${specifier}, which must stay out of the browser bundle`);
      } else if (!isNodeBuiltin(specifier) && !declared.has(name)) {
        problems.push(
          `${chain(file)} imports ${specifier}, which is not in dependencies or peerDependencies`,
        );
      } else if (optional.includes(name)) {
        problems.push(`${chain(file)} imports ${specifier}, an optional peer dependency apps may not have`);
      }
    }
  }
  return { files: parent.size, bare: [...bare].sort(), problems };
}

/** The version of `name` installed under `root` (default: the repository's). */
function installedVersion(name: string, root = REPO_ROOT): string {
  const manifest = join(root, 'node_modules', name, 'package.json');
  if (!existsSync(manifest)) throw new StepFailure(`${name} is not installed in ${root}`);
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/** The scratch app's exact dependency versions for one React line. */
function scratchPins(line: ReactLine): {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
} {
  const pin = (names: string[]): Record<string, string> =>
    Object.fromEntries(
      names.map((name) => [
        name,
        line.pins[name] ?? installedVersion(name, REACT_PACKAGES.includes(name) ? line.reactRoot : REPO_ROOT),
      ]),
    );
  return { dependencies: pin(SCRATCH_DEPENDENCIES), devDependencies: pin(SCRATCH_DEV_DEPENDENCIES) };
}

function scratchManifest(tarball: string, pins: ReturnType<typeof scratchPins>): string {
  return JSON.stringify(
    {
      name: 'scratch-consumer',
      private: true,
      type: 'module',
      dependencies: { ...pins.dependencies, 'react-cognito-sso': `file:${tarball}` },
      devDependencies: pins.devDependencies,
    },
    null,
    2,
  );
}

const SCRATCH_TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    lib: ['ES2022', 'DOM', 'DOM.Iterable'],
    module: 'ESNext',
    moduleResolution: 'bundler',
    jsx: 'react-jsx',
    strict: true,
    noUnusedLocals: true,
    noUnusedParameters: true,
    verbatimModuleSyntax: true,
    isolatedModules: true,
    skipLibCheck: false,
    noEmit: true,
    types: [],
  },
  include: ['src', 'node', 'surface'],
};

const SCRATCH_HTML = `<!doctype html>
<html lang="en">
  <head><meta charset="UTF-8" /><link rel="icon" href="data:," /><title>scratch consumer</title></head>
  <body><div id="root"></div><script type="module" src="/src/main.tsx"></script></body>
</html>
`;

/** Node-side code of the scratch app: its end-to-end tests start the emulator. */
const SCRATCH_NODE = `import { DEMO_CLIENT_ID, startCognitoEmulator } from 'react-cognito-sso/emulator';
import type { CognitoEmulator } from 'react-cognito-sso/emulator';

export async function withEmulator(test: (emulator: CognitoEmulator) => Promise<void>): Promise<void> {
  const emulator = await startCognitoEmulator({
    clients: [
      { clientId: DEMO_CLIENT_ID, callbackUrls: ['http://localhost:5173/callback'], logoutUrls: ['http://localhost:5173/'] },
    ],
  });
  try {
    await test(emulator);
  } finally {
    await emulator.stop();
  }
}
`;

function surfaceModule(entry: ApiEntry): string {
  const names = (kind: 'value' | 'type'): string =>
    entry.exports
      .filter((item) => item.kind === kind)
      .map((item) => item.name)
      .join(', ');
  return [
    `// Every name declared by ${entry.specifier}, imported by name.`,
    ...(names('value') ? [`export { ${names('value')} } from '${entry.specifier}';`] : []),
    ...(names('type') ? [`export type { ${names('type')} } from '${entry.specifier}';`] : []),
    '',
  ].join('\n');
}

function runtimeCheckModule(entries: ApiEntry[]): string {
  const expected = Object.fromEntries(
    entries.map((entry) => [
      entry.specifier,
      entry.exports
        .filter((item) => item.kind === 'value')
        .map((item) => item.name)
        .sort(),
    ]),
  );
  return `const expected = ${JSON.stringify(expected)};
const problems = [];
for (const [specifier, names] of Object.entries(expected)) {
  try {
    const actual = Object.keys(await import(specifier)).sort();
    const missing = names.filter((name) => !actual.includes(name));
    const extra = actual.filter((name) => !names.includes(name));
    if (missing.length > 0) problems.push(\`\${specifier}: declared but not exported at runtime: \${missing.join(', ')}\`);
    if (extra.length > 0) problems.push(\`\${specifier}: exported at runtime but not declared: \${extra.join(', ')}\`);
  } catch (error) {
    problems.push(\`\${specifier}: import failed: \${error instanceof Error ? error.message : String(error)}\`);
  }
}
console.log(JSON.stringify(problems));
`;
}

/** Runs the installed bin with `--port 0 --json`, checks its one JSON line and its issuer, then stops it. */
async function checkBin(appDir: string, binName: string, binTarget: string): Promise<string> {
  const link = join(appDir, 'node_modules', '.bin', binName);
  const installedTarget = join(appDir, 'node_modules', 'react-cognito-sso', binTarget);
  await access(link, constants.X_OK).catch(() => {
    throw new StepFailure(`node_modules/.bin/${binName} is missing or not executable after install`);
  });
  if ((await realpath(link)) !== (await realpath(installedTarget))) {
    throw new StepFailure(`node_modules/.bin/${binName} does not point at ${binTarget}`);
  }
  const child = spawn(process.execPath, [installedTarget, '--port', '0', '--json'], {
    cwd: appDir,
    env: childEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolvePromise) =>
    child.once('exit', (code, signal) => resolvePromise({ code, signal })),
  );
  try {
    const line = await firstLine(child, 20_000).catch((error: unknown) => {
      throw new StepFailure(`${binName} --port 0 --json: ${(error as Error).message}`, stderr);
    });
    let issuer: unknown;
    try {
      issuer = (JSON.parse(line) as { issuer?: unknown }).issuer;
    } catch {
      throw new StepFailure(`${binName} --json printed a line that is not JSON`, line);
    }
    if (typeof issuer !== 'string' || !/^http:\/\/127\.0\.0\.1:\d+\/[\w-]+_[0-9a-zA-Z]+$/.test(issuer)) {
      throw new StepFailure(`${binName} --json printed no loopback issuer`, line);
    }
    const response = await fetch(`${issuer}/.well-known/openid-configuration`);
    const discovery = (await response.json()) as { issuer?: unknown };
    if (!response.ok || discovery.issuer !== issuer) {
      throw new StepFailure(
        `${issuer}/.well-known/openid-configuration answered ${response.status} without that issuer`,
      );
    }
    child.kill('SIGTERM');
    const { code, signal } = await exited;
    if (code !== 0)
      throw new StepFailure(`${binName} did not exit cleanly on SIGTERM (code ${code}, ${signal})`, stderr);
    const lines = stdout.trimEnd().split('\n');
    if (lines.length !== 1)
      throw new StepFailure(`${binName} --json printed ${lines.length} lines, not one`, stdout);
    return `${binName} --port 0 --json → issuer ${issuer}; discovery answers; exits 0 on SIGTERM`;
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} kB` : `${bytes} B`;
}

/** Runs every check on this repository, printing each step as it finishes; never throws for a failed check. */
async function checkPackage(): Promise<StepResult[]> {
  const steps: StepResult[] = [];
  const work = await mkdtemp(join(tmpdir(), 'check-package-'));

  async function step(name: string, body: () => Promise<string>): Promise<boolean> {
    const started = performance.now();
    let result: StepResult;
    try {
      result = { name, ok: true, ms: 0, summary: await body() };
    } catch (error) {
      const failure = error instanceof StepFailure ? error : undefined;
      result = {
        name,
        ok: false,
        ms: 0,
        summary: failure?.summary ?? (error instanceof Error ? error.message : String(error)),
        ...(failure?.details === undefined ? {} : { details: tail(failure.details) }),
      };
    }
    result.ms = performance.now() - started;
    steps.push(result);
    printStep(result);
    return result.ok;
  }

  try {
    if (!relative(REPO_ROOT, work).startsWith('..'))
      throw new Error(`temporary directory ${work} is inside ${REPO_ROOT}`);
    const pkg = await readPackageJson(REPO_ROOT);
    const tarballDir = join(work, 'pack');
    const unpacked = join(work, 'unpacked');
    let tarball = '';
    const shipped: { subpath: string; target: string }[] = [];

    const built = await step('build', async () => {
      await runOrFail('npm run build', 'npm', ['run', 'build'], REPO_ROOT);
      return `npm run build (${pkg.name}@${pkg.version})`;
    });
    if (!built) return steps;

    await step('npm pack', async () => {
      await mkdir(tarballDir);
      const output = await runOrFail(
        'npm pack',
        'npm',
        ['pack', '--json', '--ignore-scripts', '--pack-destination', tarballDir], // built just above, not again by prepack
        REPO_ROOT,
      );
      const [info] = JSON.parse(output.slice(output.indexOf('['))) as {
        filename: string;
        size: number;
        unpackedSize: number;
        files: { path: string }[];
      }[];
      if (info === undefined) throw new StepFailure('npm pack reported no tarball', output);
      tarball = join(tarballDir, info.filename);
      await mkdir(unpacked);
      await runOrFail('tar', 'tar', ['-xzf', tarball, '-C', unpacked], REPO_ROOT);
      const files = new Set(info.files.map((file) => file.path));
      const missing: string[] = [];
      for (const [subpath, value] of Object.entries(pkg.exports ?? {})) {
        const targets = [exportTarget(value, 'types'), exportTarget(value, 'default')].filter(
          (target): target is string => target !== undefined,
        );
        const absent = targets.filter((target) => !files.has(target.replace(/^\.\//, '')));
        absent.forEach((target) => missing.push(`exports["${subpath}"] → ${target}`));
        const runtime = exportTarget(value, 'default');
        if (absent.length === 0 && runtime?.endsWith('.js')) shipped.push({ subpath, target: runtime });
      }
      for (const [name, target] of Object.entries(binEntries(pkg))) {
        if (!files.has(target.replace(/^\.\//, ''))) missing.push(`bin["${name}"] → ${target}`);
      }
      for (const entry of pkg.files ?? []) {
        const path = entry.replace(/^\.\//, '').replace(/\/$/, '');
        const matched = [...files].some((file) => file === path || file.startsWith(`${path}/`));
        if (!/[*?[{]/.test(path) && !matched) missing.push(`files["${entry}"] (matches nothing)`);
      }
      const summary = `${info.filename}: ${info.files.length} files, ${formatBytes(info.size)} packed, ${formatBytes(info.unpackedSize)} unpacked`;
      if (missing.length > 0) {
        throw new StepFailure(
          `${summary}; declared but not in the tarball (not built?): ${missing.join('; ')}`,
          missing.join('\n'),
        );
      }
      return summary;
    });
    if (tarball === '' || !existsSync(tarball)) return steps;

    await step('publint --strict', async () => {
      const data = await readFile(tarball);
      const { messages, pkg: packedPkg } = await publint({
        pack: {
          tarball: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer,
        },
        strict: true,
      });
      const lines = messages.map(
        (message) =>
          `${message.type}: ${formatMessage(message, packedPkg, { color: false }) ?? message.code}`,
      );
      const failing = messages.filter((message) => message.type !== 'suggestion');
      if (failing.length > 0)
        throw new StepFailure(`${failing.length} error(s)/warning(s)`, lines.join('\n'));
      return lines.length === 0
        ? 'no errors, warnings or suggestions'
        : `suggestions only:\n${lines.join('\n')}`;
    });

    await step('attw --profile esm-only', async () => {
      const attw = join(REPO_ROOT, 'node_modules', '.bin', 'attw');
      const args = [
        tarball,
        '--profile',
        'esm-only',
        '--no-color',
        '--no-emoji',
        '--format',
        'table-flipped',
      ];
      const { code, output } = await run(attw, args, REPO_ROOT);
      if (code !== 0) throw new StepFailure('problems found', output);
      return 'no problems: types and JavaScript resolve for every subpath under node16 (ESM) and bundler';
    });

    await step('import graph', async () => {
      const packageDir = join(unpacked, 'package');
      const results: string[] = [];
      const problems: string[] = [];
      const entries = [
        ...shipped.flatMap(({ subpath, target }) =>
          [target, exportTarget(pkg.exports?.[subpath], 'types')].map((file, index) => ({
            label: `${specifierOf(pkg.name, subpath)}${index === 0 ? '' : ' types'}`,
            file: (file ?? '').replace(/^\.\//, ''),
            environment: NODE_ONLY_SUBPATHS.has(subpath) ? ('node' as const) : ('browser' as const),
            optionalPeer: OPTIONAL_PEER_SUBPATHS[subpath],
          })),
        ),
        ...Object.entries(binEntries(pkg)).map(([name, target]) => ({
          label: `bin ${name}`,
          file: target.replace(/^\.\//, ''),
          environment: 'node' as const,
          optionalPeer: undefined,
        })),
      ];
      for (const entry of entries) {
        if (!existsSync(join(packageDir, entry.file))) continue;
        const graph = await importGraphProblems(
          packageDir,
          entry.file,
          pkg,
          entry.environment,
          entry.optionalPeer,
        );
        problems.push(...graph.problems);
        const packages = [...new Set(graph.bare.map(packageNameOf))].join(', ');
        results.push(
          `${entry.label} (${entry.environment}): ${graph.files} file${graph.files === 1 ? '' : 's'}; imports ${packages || 'nothing'}`,
        );
      }
      if (problems.length > 0) throw new StepFailure(`${problems.length} problem(s)`, problems.join('\n'));
      return `no node: built-ins and no ${FORBIDDEN_IN_BROWSER.join(', ')} in browser entries; every bare import declared; optional peers only in their own entry\n${results.join('\n')}`;
    });

    // The declared API of the installed tarball: the same for every React line, so read once.
    let apiEntries: ApiEntry[] = [];
    for (const line of SCRATCH_REACT_LINES) {
      const appDir = join(work, `app-react${line.major}`);
      const label = `scratch app, react ${line.major}`;
      const installed = await step(`${label}: npm install`, async () => {
        await mkdir(join(appDir, 'src'), { recursive: true });
        await mkdir(join(appDir, 'node'));
        await mkdir(join(appDir, 'surface'));
        const pins = scratchPins(line);
        await writeFile(join(appDir, 'package.json'), scratchManifest(tarball, pins));
        await runOrFail(
          'npm install',
          'npm',
          ['install', '--no-audit', '--no-fund', '--prefer-offline'],
          appDir,
        );
        if (apiEntries.length === 0) {
          const api = await readPublicApi(join(appDir, 'node_modules', 'react-cognito-sso'));
          const shippedSubpaths = new Set(shipped.map(({ subpath }) => subpath));
          apiEntries = api.entries.filter((entry) => shippedSubpaths.has(entry.subpath));
        }
        const react = installedVersion('react', appDir);
        if (!react.startsWith(`${line.major}.`))
          throw new StepFailure(`installed react@${react}, not react ${line.major}`);
        const versions = Object.entries({ ...pins.dependencies, ...pins.devDependencies }).map(
          ([name, version]) => `${name}@${version}`,
        );
        return `${pkg.name}@${pkg.version} from the tarball into ${appDir} with ${versions.join(', ')}`;
      });
      if (!installed) continue;

      await writeFile(join(appDir, 'tsconfig.json'), JSON.stringify(SCRATCH_TSCONFIG, null, 2));
      await writeFile(join(appDir, 'index.html'), SCRATCH_HTML);
      await writeFile(join(appDir, 'src', 'main.tsx'), SCRATCH_SIGN_IN_APP);
      await writeFile(join(appDir, 'src', 'apiUsage.tsx'), SCRATCH_API_USAGE);
      await writeFile(join(appDir, 'node', 'emulator.ts'), SCRATCH_NODE);
      await writeFile(join(appDir, 'emulator.mjs'), SCRATCH_EMULATOR_SCRIPT);
      for (const entry of apiEntries) {
        const file = entry.subpath === '.' ? 'index' : entry.subpath.replace(/^\.\//, '').replace(/\//g, '-');
        await writeFile(join(appDir, 'surface', `${file}.ts`), surfaceModule(entry));
      }
      await writeFile(join(appDir, 'runtime-exports.mjs'), runtimeCheckModule(apiEntries));

      await step(`${label}: tsc --noEmit`, async () => {
        const tsc = join(appDir, 'node_modules', 'typescript', 'bin', 'tsc');
        await runOrFail('tsc --noEmit', process.execPath, [tsc, '--noEmit', '-p', 'tsconfig.json'], appDir);
        const names = apiEntries
          .map((entry) => `${entry.specifier} (${entry.exports.length} names)`)
          .join(', ');
        return `strict, moduleResolution bundler, skipLibCheck false: the app, the node-side emulator file, and every declared name of ${names}`;
      });

      const appBuilt = await step(`${label}: vite build`, async () => {
        const vite = join(appDir, 'node_modules', 'vite', 'bin', 'vite.js');
        const output = await runOrFail('vite build', process.execPath, [vite, 'build'], appDir);
        if (/externalized for browser compatibility/i.test(output)) {
          throw new StepFailure('the browser bundle pulls a Node built-in', output);
        }
        const assets = await readdir(join(appDir, 'dist', 'assets'));
        const sizes = await Promise.all(
          assets
            .filter((file) => file.endsWith('.js'))
            .map(
              async (file) =>
                `${file} ${formatBytes((await stat(join(appDir, 'dist', 'assets', file))).size)}`,
            ),
        );
        return `built ${sizes.join(', ')}`;
      });

      await step(`${label}: node imports`, async () => {
        const output = await runOrFail(
          'node runtime-exports.mjs',
          process.execPath,
          ['runtime-exports.mjs'],
          appDir,
        );
        const problems = JSON.parse(output.trim().split('\n').pop() ?? '[]') as string[];
        if (problems.length > 0) throw new StepFailure(`${problems.length} problem(s)`, problems.join('\n'));
        return `${apiEntries.map((entry) => entry.specifier).join(', ')}: runtime exports equal the declared values`;
      });

      // The bin does not depend on React: checked once.
      if (line === SCRATCH_REACT_LINES[0]) {
        for (const [name, target] of Object.entries(binEntries(pkg))) {
          await step(`bin ${name}`, () => checkBin(appDir, name, target.replace(/^\.\//, '')));
        }
      }

      if (appBuilt) {
        await step(`${label}: browser sign-in`, () =>
          scratchSignIn(appDir, childEnv()).catch((error: unknown) => {
            throw error instanceof ScratchSignInFailure
              ? new StepFailure(error.message, error.details)
              : error;
          }),
        );
      }
    }
    return steps;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

function printStep(step: StepResult): void {
  const [first, ...rest] = step.summary.split('\n');
  console.log(
    `${step.ok ? 'ok  ' : 'FAIL'}  ${step.name.padEnd(40)} ${(step.ms / 1000).toFixed(1).padStart(5)} s  ${first}`,
  );
  for (const line of rest) console.log(`      ${' '.repeat(40)}          ${line}`);
  if (step.details !== undefined && !step.ok) console.log(step.details.replace(/^/gm, '      │ '));
}

async function main(): Promise<void> {
  const started = performance.now();
  console.log('check:package — the packed tarball, as a consumer gets it\n');
  const steps = await checkPackage();
  const failed = steps.filter((step) => !step.ok);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `\n${failed.length === 0 ? 'package OK' : `package check FAILED: ${failed.map((step) => step.name).join(', ')}`} (${steps.length} steps, ${seconds} s)`,
  );
  process.exitCode = failed.length === 0 ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
