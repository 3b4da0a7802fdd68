import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { languages } from '../electron/rpc/languages.js';

/** Every namespace file that exists for any language. */
const namespaces = [
  ...new Set(
    languages.flatMap((lng) => readdirSync(join('locales', lng)).filter((f) => f.endsWith('.json'))),
  ),
];

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

function load(language: string, namespace: string): Map<string, string> {
  return flatten(JSON.parse(readFileSync(join('locales', language, namespace), 'utf8')) as Tree);
}

const placeholders = (text: string) =>
  [...text.matchAll(/\{\{\s*(\w+)\s*\}\}|\{(\w+)[,}]/g)].map((m) => m[1] ?? m[2]).sort();

describe.each(namespaces)('locale namespace %s', (namespace) => {
  const reference = load('en', namespace);

  it.each(languages)('%s has exactly the same keys as en', (language) => {
    const keys = [...load(language, namespace).keys()].sort();
    expect(keys).toEqual([...reference.keys()].sort());
  });

  it.each(languages)('%s has no empty message and the same placeholders as en', (language) => {
    for (const [key, text] of load(language, namespace)) {
      expect(text.trim(), `${language} ${key}`).not.toBe('');
      expect(placeholders(text), `${language} ${key}`).toEqual(placeholders(reference.get(key) ?? ''));
    }
  });
});

/** Every message of a language, across its namespaces (common, input, documents and each flow's own). */
function everyMessage(language: string): Map<string, string> {
  return new Map(
    namespaces.flatMap((namespace) =>
      [...load(language, namespace)].map(([key, text]): [string, string] => [`${namespace}:${key}`, text]),
    ),
  );
}

describe('locale conventions, in every namespace', () => {
  it('Traditional Chinese says 列印 for print, never 打印 (one term on screen, in speech and on paper)', () => {
    for (const [key, text] of everyMessage('zh-Hant')) expect(text, key).not.toMatch(/打印/);
  });

  it('counts have both plural forms in every language (so "1 minute" and "1 minuto")', () => {
    const keys = [...everyMessage('en').keys()];
    for (const key of keys.filter((k) => k.endsWith('_one'))) {
      expect(keys, key).toContain(key.replace(/_one$/, '_other'));
    }
    for (const [key, text] of everyMessage('en')) {
      if (/\{\{count\}\}/.test(text)) expect(key, `${key} needs _one/_other`).toMatch(/_(one|other)$/);
    }
  });

  it('Portuguese keeps the Macau government spelling (no Brazilian forms)', () => {
    const text = [...everyMessage('pt').values()].join('\n');
    expect(text).not.toMatch(/\b(tela|celular|cadastro|usuário)\b/i);
  });

  it('English writes "Macao", Portuguese writes "Macau"', () => {
    const en = [...everyMessage('en').values()].join('\n');
    const pt = [...everyMessage('pt').values()].join('\n');
    expect(en).not.toMatch(/\bMacau\b/);
    expect(pt).not.toMatch(/\bMacao\b/);
  });

  it('Simplified Chinese is not a copy of Traditional Chinese', () => {
    const hant = everyMessage('zh-Hant');
    const hans = everyMessage('zh-Hans');
    const same = [...hant].filter(([key, text]) => hans.get(key) === text && /[\u4e00-\u9fff]{3}/.test(text));
    expect(same.length).toBeLessThan(hant.size / 4);
  });
});
