import ts from 'typescript';
import type { SourceFile } from './import_rules.js';

/**
 * One way to return an expected failure (lib/result.ts): `Result<T, E>` is `{ ok: true, value }` or
 * `{ ok: false, error }`, built with `ok()` and `err()`. A hand-written union of those two shapes drifts — the
 * failure key became `failure`, `message`, `detail` or `reason` in one file and `error` in the next, the success
 * `config` or `key` — so production code may not spell the discriminant itself. Found with the TypeScript parser:
 *
 * - a property `ok: true` / `ok: false` in a type literal or an interface;
 * - an object literal fixing the shape by hand, `ok: true as const` / `ok: false as const`;
 * - a zod schema of the shape, `ok: z.literal(true)` / `ok: z.literal(false)`.
 *
 * Building a result as a plain object literal that a `Result` type checks is not flagged: the type is the one
 * Result either way.
 */

/** Files that must keep their own shape, each with the reason; everything else uses `Result<T, E>`. */
export const RESULT_SHAPE_EXEMPTIONS: Readonly<Record<string, string>> = {
  'lib/result.ts': 'the one Result type itself',
  'electron/rpc/wire.ts':
    'the RPC response frame carries the request id beside the discriminant ({ id, ok, value | error }): a wire ' +
    'format both transports and the preload bridge read, not a function result',
  'electron/rpc/method_spec.ts':
    'actionOutcomeSchema is the zod schema of a staff / dev-dock answer on the wire; its success spreads the ' +
    "action's own fields beside `ok` (the renderer reads them flat), so it cannot be `{ ok, value }`; and " +
    'resultSchema, the zod schema of a Result<T, E> answer on the wire, which the router checks results against',
  'electron/rpc/flows/intent_result.ts':
    'the zod schema of an intent answer on the wire, which the router checks every result against; it parses ' +
    'to the same plain objects `ok()` / `err()` build, so handlers return a Result',
};

export interface ResultShapeFinding {
  path: string;
  /** 1-based. */
  line: number;
  what: string;
}

const isTest = (path: string) => /\.(test|spec)\.tsx?$/.test(path);

function isBooleanLiteral(node: ts.Node): boolean {
  return node.kind === ts.SyntaxKind.TrueKeyword || node.kind === ts.SyntaxKind.FalseKeyword;
}

function isNamedOk(name: ts.PropertyName): boolean {
  return (ts.isIdentifier(name) || ts.isStringLiteral(name)) && name.text === 'ok';
}

/** `true as const`, `<const>false`. */
function isConstBoolean(node: ts.Expression): boolean {
  const asserted = ts.isAsExpression(node) || ts.isTypeAssertionExpression(node) ? node : undefined;
  return (
    asserted !== undefined &&
    isBooleanLiteral(asserted.expression) &&
    ts.isTypeReferenceNode(asserted.type) &&
    asserted.type.typeName.getText() === 'const'
  );
}

/** `z.literal(true)`, `literal(false)`. */
function isLiteralSchemaOfBoolean(node: ts.Expression): boolean {
  if (!ts.isCallExpression(node) || node.arguments.length !== 1) return false;
  const [argument] = node.arguments;
  const callee = node.expression;
  const name = ts.isPropertyAccessExpression(callee)
    ? callee.name.text
    : ts.isIdentifier(callee)
      ? callee.text
      : '';
  return name === 'literal' && argument !== undefined && isBooleanLiteral(argument);
}

/** Every hand-written result shape in one file (exemptions not applied). */
export function resultShapesIn(file: SourceFile): ResultShapeFinding[] {
  const kind = file.path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, true, kind);
  const found: ResultShapeFinding[] = [];
  const report = (node: ts.Node, what: string) => {
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    found.push({ path: file.path, line, what });
  };
  const visit = (node: ts.Node) => {
    if (
      ts.isPropertySignature(node) &&
      isNamedOk(node.name) &&
      node.type &&
      ts.isLiteralTypeNode(node.type) &&
      isBooleanLiteral(node.type.literal)
    ) {
      report(node, `type member ${node.getText(source)}`);
    } else if (ts.isPropertyAssignment(node) && isNamedOk(node.name)) {
      if (isConstBoolean(node.initializer)) report(node, `object literal ${node.getText(source)}`);
      else if (isLiteralSchemaOfBoolean(node.initializer)) report(node, `zod schema ${node.getText(source)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Every hand-written result shape in production code outside the exemptions, one line each. */
export function resultShapeViolations(files: readonly SourceFile[]): string[] {
  return files
    .filter((file) => !isTest(file.path) && !(file.path in RESULT_SHAPE_EXEMPTIONS))
    .flatMap(resultShapesIn)
    .map(
      ({ path, line, what }) =>
        `${path}:${line}: ${what} — declare Result<T, E> from lib/result.ts (ok() / err()) instead`,
    );
}
