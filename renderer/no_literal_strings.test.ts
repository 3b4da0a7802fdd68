import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/** Attributes a person reads or hears; their values must come from locales/ too. */
const readableAttributes = new Set([
  'aria-label',
  'title',
  'alt',
  'placeholder',
  'aria-description',
  'label',
]);

function componentFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return componentFiles(path);
    return path.endsWith('.tsx') && !path.endsWith('.test.tsx') ? [path] : [];
  });
}

/** Every JSX text or readable attribute holding letters in any script — a literal a resident would see. */
function literalStrings(source: string, fileName = 'x.tsx'): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const hasLetters = (text: string) => /\p{L}/u.test(text);
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && hasLetters(node.text)) found.push(node.text.trim());
    if (ts.isJsxAttribute(node) && readableAttributes.has(node.name.getText(file)) && node.initializer) {
      const init = node.initializer;
      if (ts.isStringLiteral(init) && hasLetters(init.text)) found.push(init.text);
      if (
        ts.isJsxExpression(init) &&
        init.expression &&
        ts.isStringLiteralLike(init.expression) &&
        hasLetters(init.expression.text)
      ) {
        found.push(init.expression.text);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('renderer text comes from locales/', () => {
  it('finds literals when there are some (the check itself works)', () => {
    expect(literalStrings('const a = <p title="Hello">Touch here 請觸摸</p>;')).toEqual([
      'Hello',
      'Touch here 請觸摸',
    ]);
    expect(literalStrings('const a = <p>{t("x")} · {n}</p>;')).toEqual([]);
  });

  it.each(componentFiles('renderer'))('%s renders no literal string', (path) => {
    expect(literalStrings(readFileSync(path, 'utf8'), path)).toEqual([]);
  });
});
