/**
 * The public API report: for every subpath in package.json `exports`, the exported names and their declarations
 * as a consumer's TypeScript sees them in the built `.d.ts` (TSDoc stripped, printed by the compiler, sorted).
 * `npm run api:report` writes it to api/react-cognito-sso.api.md; test/package/apiReport.test.ts regenerates it
 * and fails when it differs, so a change to the public API is always deliberate.
 *
 * @example
 * ```sh
 * npm run api:report   # tsx scripts/api-report.ts
 * ```
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, symlink, writeFile, copyFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

/** The repository root. */
export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Where the committed report lives, relative to the repository root. */
export const API_REPORT_PATH = 'api/react-cognito-sso.api.md';

/** One exported name of one subpath. */
export interface ApiExport {
  /** The name a consumer imports. */
  name: string;
  /** Whether it exists at runtime (`export { x }`), or only as a type (`export type { X }`, interfaces, aliases). */
  kind: 'value' | 'type';
  /** Its declarations, TSDoc removed, `export`/`declare` modifiers removed, printed by the TypeScript printer. */
  declarations: string[];
}

/** The public API of one subpath export. */
export interface ApiEntry {
  /** The `exports` key: `.`, `./emulator`, `./testing`. */
  subpath: string;
  /** The import specifier: `react-cognito-sso`, `react-cognito-sso/emulator`. */
  specifier: string;
  /** The `.d.ts` the `types` condition points at, relative to the package root. */
  typesFile: string;
  /** Exported names, sorted. */
  exports: ApiExport[];
  /**
   * Package-internal declarations the exports refer to but that a consumer cannot import by name from any entry
   * (a type another subpath exports is left out: the consumer imports it from there).
   */
  unexported: ApiExport[];
}

/** What {@link readPublicApi} found. */
export interface PublicApi {
  /** The package name. */
  name: string;
  /** One entry per subpath whose `types` file exists. */
  entries: ApiEntry[];
  /** Subpaths whose `types` file does not exist (e.g. not built yet). */
  missing: { subpath: string; typesFile: string }[];
}

/** The fields of a package.json the scripts read. */
export interface PackageJson {
  name: string;
  version: string;
  exports?: Record<string, unknown>;
  bin?: string | Record<string, string>;
  files?: string[];
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

/** Reads and parses `package.json` in `dir`. */
export async function readPackageJson(dir: string): Promise<PackageJson> {
  return JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as PackageJson;
}

/** The first target under `condition` in an `exports` value (conditions may nest), or undefined. */
export function exportTarget(value: unknown, condition: 'types' | 'default'): string | undefined {
  if (typeof value === 'string') return condition === 'default' ? value : undefined;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const conditions = value as Record<string, unknown>;
  const direct = conditions[condition];
  if (typeof direct === 'string') return direct;
  for (const [key, nested] of Object.entries(conditions)) {
    if (key === 'types') continue;
    const found = exportTarget(nested, condition);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The import specifier for an `exports` key. */
export function specifierOf(packageName: string, subpath: string): string {
  return subpath === '.' ? packageName : `${packageName}/${subpath.replace(/^\.\//, '')}`;
}

const printer = ts.createPrinter({ removeComments: true, newLine: ts.NewLineKind.LineFeed });

function statementOf(declaration: ts.Declaration): ts.Node {
  if (ts.isVariableDeclaration(declaration)) return declaration.parent.parent;
  return declaration;
}

/** Destructured parameters become `paramN`: how an implementation unpacks its props is not API. */
const nameDestructuredParameters: ts.TransformerFactory<ts.Node> = (context) => {
  const visit = (node: ts.Node): ts.Node => {
    if (ts.isParameter(node) && !ts.isIdentifier(node.name)) {
      const index = ts.isFunctionLike(node.parent) ? node.parent.parameters.indexOf(node) : 0;
      return context.factory.updateParameterDeclaration(
        node,
        node.modifiers,
        node.dotDotDotToken,
        context.factory.createIdentifier(`param${index}`),
        node.questionToken,
        node.type,
        node.initializer,
      );
    }
    return ts.visitEachChild(node, visit, context);
  };
  return (node) => ts.visitNode(node, visit);
};

function printDeclaration(declaration: ts.Declaration): string {
  const original = statementOf(declaration);
  const result = ts.transform(original, [nameDestructuredParameters]);
  const node = result.transformed[0] ?? original;
  const text = printer.printNode(ts.EmitHint.Unspecified, node, original.getSourceFile());
  result.dispose();
  return text.replace(/^(export\s+)?(default\s+)?(declare\s+)?/, '').trim();
}

function isTypeOnlyAlias(symbol: ts.Symbol): boolean {
  return (symbol.declarations ?? []).some(
    (declaration) =>
      (ts.isExportSpecifier(declaration) &&
        (declaration.isTypeOnly || declaration.parent.parent.isTypeOnly)) ||
      (ts.isImportSpecifier(declaration) && (declaration.isTypeOnly || declaration.parent.parent.isTypeOnly)),
  );
}

function referencedSymbols(node: ts.Node, checker: ts.TypeChecker): ts.Symbol[] {
  const found: ts.Symbol[] = [];
  const visit = (child: ts.Node): void => {
    let symbol: ts.Symbol | undefined;
    if (ts.isTypeReferenceNode(child)) symbol = checker.getSymbolAtLocation(child.typeName);
    else if (ts.isExpressionWithTypeArguments(child)) symbol = checker.getSymbolAtLocation(child.expression);
    else if (ts.isTypeQueryNode(child)) symbol = checker.getSymbolAtLocation(child.exprName);
    else if (ts.isImportTypeNode(child) && child.qualifier !== undefined) {
      symbol = checker.getSymbolAtLocation(child.qualifier);
    }
    if (symbol !== undefined) {
      found.push(symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol);
    }
    ts.forEachChild(child, visit);
  };
  visit(node);
  return found;
}

/** The exports of one subpath (sorted), and the symbols they resolve to. */
interface EntryExports {
  exports: ApiExport[];
  targets: Set<ts.Symbol>;
}

function byName(a: ApiExport, b: ApiExport): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

function readExports(program: ts.Program, packageDir: string, typesFile: string): EntryExports {
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(resolve(packageDir, typesFile));
  const moduleSymbol = source === undefined ? undefined : checker.getSymbolAtLocation(source);
  if (moduleSymbol === undefined) throw new Error(`${typesFile} is not a module TypeScript can read`);
  const targets = new Set<ts.Symbol>();
  const exports: ApiExport[] = [];
  for (const symbol of checker.getExportsOfModule(moduleSymbol)) {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    targets.add(target);
    const declarations = target.declarations ?? [];
    const isValue = (target.flags & ts.SymbolFlags.Value) !== 0 && !isTypeOnlyAlias(symbol);
    exports.push({
      name: symbol.name,
      kind: isValue ? 'value' : 'type',
      declarations: declarations.map(printDeclaration),
    });
  }
  return { exports: exports.sort(byName), targets };
}

/**
 * The package's own declarations that `targets` refer to, directly or through each other, minus those a consumer
 * can import by name from any entry (`exportedAnywhere`).
 */
function findUnexported(
  checker: ts.TypeChecker,
  packageDir: string,
  targets: Set<ts.Symbol>,
  exportedAnywhere: Set<ts.Symbol>,
): ApiExport[] {
  const inPackage = (declaration: ts.Declaration): boolean => {
    const file = relative(packageDir, declaration.getSourceFile().fileName);
    return !file.startsWith('..') && !file.split(/[\\/]/).includes('node_modules');
  };
  const unexported = new Map<ts.Symbol, ApiExport>();
  const pending = [...targets].flatMap((symbol) => symbol.declarations ?? []);
  for (let declaration = pending.pop(); declaration !== undefined; declaration = pending.pop()) {
    for (const symbol of referencedSymbols(statementOf(declaration), checker)) {
      const own = (symbol.declarations ?? []).filter(inPackage);
      if (own.length === 0 || exportedAnywhere.has(symbol) || unexported.has(symbol)) continue;
      if (symbol.flags & ts.SymbolFlags.TypeParameter) continue;
      unexported.set(symbol, { name: symbol.name, kind: 'type', declarations: own.map(printDeclaration) });
      pending.push(...own);
    }
  }
  return [...unexported.values()].sort(byName);
}

/**
 * Reads the public API of the package in `packageDir` (a directory with package.json and the built files) through
 * its `exports` map's `types` conditions, as a consumer's compiler resolves it.
 */
export async function readPublicApi(packageDir: string): Promise<PublicApi> {
  const pkg = await readPackageJson(packageDir);
  const found: { subpath: string; typesFile: string }[] = [];
  const missing: { subpath: string; typesFile: string }[] = [];
  for (const [subpath, value] of Object.entries(pkg.exports ?? {})) {
    const typesFile = exportTarget(value, 'types');
    if (typesFile === undefined) continue;
    (existsSync(resolve(packageDir, typesFile)) ? found : missing).push({ subpath, typesFile });
  }
  const program = ts.createProgram({
    rootNames: found.map(({ typesFile }) => resolve(packageDir, typesFile)),
    options: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      jsx: ts.JsxEmit.ReactJSX,
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: [],
    },
  });
  const checker = program.getTypeChecker();
  const read = found.map((entry) => ({ ...entry, ...readExports(program, packageDir, entry.typesFile) }));
  const exportedAnywhere = new Set(read.flatMap(({ targets }) => [...targets]));
  const entries = read.map(({ subpath, typesFile, exports, targets }) => ({
    subpath,
    specifier: specifierOf(pkg.name, subpath),
    typesFile,
    exports,
    unexported: findUnexported(checker, packageDir, targets, exportedAnywhere),
  }));
  return { name: pkg.name, entries, missing };
}

function formatExportList(keyword: string, names: string[]): string[] {
  if (names.length === 0) return [];
  return [`${keyword} {`, ...names.map((name) => `  ${name},`), '};'];
}

function formatDeclarations(items: ApiExport[]): string[] {
  const lines: string[] = [];
  for (const item of items) {
    const declared = item.declarations.join('\n');
    const namedAsDeclared = item.declarations.every((text) => new RegExp(`\\b${item.name}\\b`).test(text));
    lines.push('', ...(namedAsDeclared ? [] : [`// exported as ${item.name}`]), declared);
  }
  return lines;
}

/** Renders {@link PublicApi} as the committed Markdown report (stable: sorted, comment-free, LF line ends). */
export function formatApiReport(api: PublicApi): string {
  const lines = [
    `# API report: ${api.name}`,
    '',
    '<!-- Generated by `npm run api:report` from the built .d.ts files (TSDoc stripped). Do not edit by hand:',
    '     test/package/apiReport.test.ts fails when the public API differs from this file. -->',
  ];
  for (const entry of api.entries) {
    const values = entry.exports.filter((item) => item.kind === 'value').map((item) => item.name);
    const types = entry.exports.filter((item) => item.kind === 'type').map((item) => item.name);
    lines.push('', `## ${entry.specifier}`, '', `Types: \`${entry.typesFile}\``, '', '```ts');
    lines.push(...formatExportList('export', values), ...formatExportList('export type', types));
    lines.push(...formatDeclarations(entry.exports), '```');
    if (entry.unexported.length > 0) {
      lines.push(
        '',
        `Referenced by the exports of \`${entry.specifier}\` but not exported (consumers cannot name these):`,
        '',
        '```ts',
        ...formatDeclarations(entry.unexported).slice(1),
        '```',
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

function formatDiagnostics(diagnostics: readonly ts.Diagnostic[]): string {
  return ts.formatDiagnostics(diagnostics, {
    getCanonicalFileName: (fileName) => fileName,
    getCurrentDirectory: () => REPO_ROOT,
    getNewLine: () => '\n',
  });
}

/** The `tsc -p <config>` projects of the `build` script, in order. */
function buildProjects(buildScript: string): string[] {
  return [...buildScript.matchAll(/\btsc\s+(?:-p|--project)\s+(\S+)/g)].map((match) => match[1] ?? '');
}

/**
 * Emits the declarations of every `tsc -p` project in the `build` script into `outRoot` (instead of the repository
 * root, so dist/ is untouched), laid out as the build lays them out, with package.json beside them.
 */
async function emitDeclarations(outRoot: string): Promise<void> {
  const pkg = await readPackageJson(REPO_ROOT);
  const projects = buildProjects(pkg.scripts?.build ?? '');
  if (projects.length === 0) throw new Error('package.json scripts.build runs no `tsc -p <tsconfig>`');
  for (const project of projects) {
    const configPath = resolve(REPO_ROOT, project);
    const parsed = ts.getParsedCommandLineOfConfigFile(
      configPath,
      {},
      {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
          throw new Error(formatDiagnostics([diagnostic]));
        },
      },
    );
    if (parsed === undefined) throw new Error(`cannot read ${project}`);
    const outDir = parsed.options.outDir ?? dirname(configPath);
    const options: ts.CompilerOptions = {
      ...parsed.options,
      outDir: resolve(outRoot, relative(REPO_ROOT, outDir)),
      noEmit: false,
      declaration: true,
      emitDeclarationOnly: true,
      declarationMap: false,
      incremental: false,
    };
    delete options.tsBuildInfoFile;
    const program = ts.createProgram({ rootNames: parsed.fileNames, options });
    const result = program.emit();
    const errors = [...ts.getPreEmitDiagnostics(program), ...result.diagnostics].filter(
      (diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error,
    );
    if (errors.length > 0) throw new Error(`${project} does not compile:\n${formatDiagnostics(errors)}`);
  }
  await copyFile(join(REPO_ROOT, 'package.json'), join(outRoot, 'package.json'));
  await symlink(join(REPO_ROOT, 'node_modules'), join(outRoot, 'node_modules'), 'dir');
}

/** Builds the declarations into a temporary directory and renders the report from them. */
export async function generateApiReport(): Promise<{ report: string; api: PublicApi }> {
  const outRoot = await mkdtemp(join(tmpdir(), 'api-report-'));
  try {
    await emitDeclarations(outRoot);
    const api = await readPublicApi(outRoot);
    return { report: formatApiReport(api), api };
  } finally {
    await rm(outRoot, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { report, api } = await generateApiReport();
  for (const { subpath, typesFile } of api.missing) {
    console.warn(`api-report: skipped exports["${subpath}"]: ${typesFile} is not produced by the build`);
  }
  const target = join(REPO_ROOT, API_REPORT_PATH);
  await mkdir(dirname(target), { recursive: true });
  const previous = existsSync(target) ? await readFile(target, 'utf8') : undefined;
  await writeFile(target, report);
  const counts = api.entries.map((entry) => `${entry.specifier}: ${entry.exports.length} exports`).join(', ');
  console.log(`${API_REPORT_PATH} ${previous === report ? 'unchanged' : 'written'} (${counts})`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
