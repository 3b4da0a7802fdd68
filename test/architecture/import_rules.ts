import { posix } from 'node:path';
import ts from 'typescript';

/**
 * Who may import what (DESIGN.md, "Folders"; VS Code's layering by runtime), checked on the source with the
 * TypeScript parser so a rule cannot be dodged by formatting:
 *
 * 1. Only `electron/shell/` imports `electron`: everything else runs under plain Node and is tested there.
 * 2. The renderer imports only itself, `electron/rpc/` (the contract's types, the language list, the service
 *    ids, the device status types) and `lib/`. A type-only import of any other module is refused too: the
 *    renderer learns the main process only through the contract. Its tests may also use `test/support/`.
 * 3. Nothing the renderer loads at run time reaches `zod` (nor `node:` modules): the contract's schemas stay in
 *    the main process, and the renderer bundle holds types and plain data only.
 * 4. `devices/` imports nothing above it (`lib/` only); its tests may also use `test/` fixtures.
 * 5. `lib/` imports nothing of ours but itself.
 * 6. Outside `devices/`, production code reaches a device folder through its `index.ts` only (or the shared
 *    modules `devices/device_status.ts`, `devices/device_config.ts`, `devices/device_options.ts`, which checks a
 *    configured device's options with its driver's schema, and `devices/device_fault_codes.ts`, the fault codes
 *    drivers publish, which staff screens name). The field tool (`electron/cli/`), tests, benchmarks
 *    and fuzz scripts (`scripts/`) may reach inside: they exercise drivers directly.
 */

export interface ImportRef {
  specifier: string;
  /** Erased at compile time: `import type`, `export type`, or every named binding marked `type`. */
  typeOnly: boolean;
}

export interface SourceFile {
  /** Repository-relative, with forward slashes (e.g. `renderer/app.tsx`). */
  path: string;
  text: string;
}

/** Every module a file imports or re-exports, static or dynamic (`import()`, `require()`). */
export function importsOf(file: SourceFile): ImportRef[] {
  const kind = file.path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, true, kind);
  const found: ImportRef[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const named = clause?.namedBindings;
      const everyBindingIsType =
        clause !== undefined &&
        clause.name === undefined &&
        named !== undefined &&
        ts.isNamedImports(named) &&
        named.elements.length > 0 &&
        named.elements.every((element) => element.isTypeOnly);
      found.push({
        specifier: node.moduleSpecifier.text,
        typeOnly: Boolean(clause?.isTypeOnly) || everyBindingIsType,
      });
    } else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      const named = node.exportClause;
      const everyBindingIsType =
        named !== undefined &&
        ts.isNamedExports(named) &&
        named.elements.every((element) => element.isTypeOnly);
      found.push({ specifier: node.moduleSpecifier.text, typeOnly: node.isTypeOnly || everyBindingIsType });
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const expression = node.moduleReference.expression;
      if (ts.isStringLiteral(expression))
        found.push({ specifier: expression.text, typeOnly: node.isTypeOnly });
    } else if (ts.isCallExpression(node) && node.arguments.length > 0) {
      const [first] = node.arguments;
      const isDynamicImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require';
      if ((isDynamicImport || isRequire) && first && ts.isStringLiteralLike(first)) {
        found.push({ specifier: first.text, typeOnly: false });
      }
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      const literal = node.argument.literal;
      if (ts.isStringLiteral(literal)) found.push({ specifier: literal.text, typeOnly: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** A relative specifier as the repository path it names (`.js` written for a `.ts` source, as ESM asks). */
export function resolveSpecifier(from: string, specifier: string, exists: (path: string) => boolean): string {
  const target = posix.normalize(posix.join(posix.dirname(from), specifier));
  const candidates = [
    target,
    target.replace(/\.js$/, '.ts'),
    target.replace(/\.js$/, '.tsx'),
    target.replace(/\.mjs$/, '.mts'),
    `${target}.ts`,
    `${target}/index.ts`,
  ];
  return candidates.find(exists) ?? target;
}

const isRelative = (specifier: string) => specifier.startsWith('./') || specifier.startsWith('../');
const isTest = (path: string) => /\.(test|spec)\.tsx?$/.test(path);
const isUnder = (path: string, ...folders: string[]) =>
  folders.some((folder) => path.startsWith(`${folder}/`));

/** Where production code outside devices/ may enter it. */
function isDevicePublicSurface(path: string): boolean {
  return (
    path === 'devices/device_status.ts' ||
    path === 'devices/device_config.ts' ||
    path === 'devices/device_options.ts' ||
    path === 'devices/device_fault_codes.ts' ||
    /^devices\/[^/]+\/index\.ts$/.test(path)
  );
}

interface Edge {
  from: string;
  to: string;
  specifier: string;
  typeOnly: boolean;
  /** True for a package (`zod`, `react`, `node:fs`), false for a file of ours. */
  external: boolean;
}

function edgesOf(files: readonly SourceFile[]): Edge[] {
  const paths = new Set(files.map((f) => f.path));
  const exists = (path: string) => paths.has(path);
  return files.flatMap((file) =>
    importsOf(file).map(({ specifier, typeOnly }) => {
      const external = !isRelative(specifier);
      const to = external ? specifier : resolveSpecifier(file.path, specifier, exists);
      return { from: file.path, to, specifier, typeOnly, external };
    }),
  );
}

function ruleBroken(edge: Edge): string | null {
  const { from, to, external } = edge;
  if (external) {
    if ((to === 'electron' || to.startsWith('electron/')) && !isUnder(from, 'electron/shell')) {
      return 'only electron/shell/ imports electron';
    }
    return null;
  }
  if (isUnder(from, 'renderer')) {
    const allowed =
      isUnder(to, 'renderer', 'electron/rpc', 'lib') || (isTest(from) && isUnder(to, 'test/support'));
    return allowed
      ? null
      : 'the renderer imports renderer/, electron/rpc/ and lib/ only (type-only imports too)';
  }
  if (isUnder(from, 'devices')) {
    const allowed = isUnder(to, 'devices', 'lib') || (isTest(from) && isUnder(to, 'test'));
    return allowed ? null : 'devices/ imports nothing above it (lib/ only)';
  }
  if (isUnder(from, 'lib')) {
    return isUnder(to, 'lib') ? null : 'lib/ imports nothing of ours';
  }
  if (
    isUnder(to, 'devices') &&
    !isDevicePublicSurface(to) &&
    !isTest(from) &&
    !isUnder(from, 'electron/cli', 'test', 'bench', 'scripts', 'devices')
  ) {
    return 'outside devices/, import a device folder through its index.ts';
  }
  return null;
}

/** Packages the renderer may not load at run time. */
function forbiddenAtRendererRunTime(specifier: string): boolean {
  return specifier === 'zod' || specifier.startsWith('zod/') || specifier.startsWith('node:');
}

/**
 * Rule 3: follows the value (non-type) imports from every renderer production file through our own modules, and
 * reports each path that ends at zod or a Node module.
 */
function rendererRunTimeLeaks(edges: readonly Edge[]): string[] {
  const valueEdges = new Map<string, Edge[]>();
  for (const edge of edges) {
    if (edge.typeOnly) continue;
    valueEdges.set(edge.from, [...(valueEdges.get(edge.from) ?? []), edge]);
  }
  const leaks: string[] = [];
  const seen = new Set<string>();
  const walk = (path: string, trail: string[]) => {
    if (seen.has(path)) return;
    seen.add(path);
    for (const edge of valueEdges.get(path) ?? []) {
      if (edge.external) {
        if (forbiddenAtRendererRunTime(edge.to)) {
          leaks.push(
            `${[...trail, path].join(' → ')} → ${edge.to}: the renderer bundle must not load ${edge.to}`,
          );
        }
        continue;
      }
      walk(edge.to, [...trail, path]);
    }
  };
  for (const from of valueEdges.keys()) {
    if (isUnder(from, 'renderer') && !isTest(from)) walk(from, []);
  }
  return leaks;
}

/** Every broken rule, one line each: `file → import: rule`. Empty when the tree keeps its layers. */
export function importViolations(files: readonly SourceFile[]): string[] {
  const edges = edgesOf(files);
  const broken = edges.flatMap((edge) => {
    const rule = ruleBroken(edge);
    return rule === null ? [] : [`${edge.from} → ${edge.specifier}: ${rule}`];
  });
  return [...broken, ...rendererRunTimeLeaks(edges)];
}
