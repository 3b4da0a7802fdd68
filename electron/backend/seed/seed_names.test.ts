import { describe, expect, it } from 'vitest';
import { seedCatalogue } from './seed_catalogue.js';
import {
  catalogueTexts,
  mainlandForms,
  post1990Spellings,
  simplifiedChineseProblem,
} from './seed_language_rules.js';

const catalogue = seedCatalogue();
const texts = catalogueTexts(catalogue);
const languages = ['zh-Hant', 'zh-Hans', 'pt', 'en'] as const;

describe('seed names in four languages', () => {
  it('are present, trimmed and short enough to print (≤ 120 characters) in every language', () => {
    const bad = texts.flatMap(({ where, text }) =>
      languages
        .filter((l) => {
          const value = text[l];
          return value.length === 0 || value.length > 120 || value !== value.trim() || value.includes('  ');
        })
        .map((l) => `${where} ${l}`),
    );
    expect(bad).toEqual([]);
  });

  it('give zh-Hans as the same name in Simplified characters (OpenCC finds no Traditional left)', () => {
    const bad = texts.flatMap(({ where, text }) => {
      const problem = simplifiedChineseProblem(text);
      return problem ? [`${where}: ${problem}`] : [];
    });
    expect(bad).toEqual([]);
  });

  it('differ between zh-Hant and zh-Hans wherever a character simplifies', () => {
    const differing = texts.filter(({ text }) => text['zh-Hant'] !== text['zh-Hans']);
    // Nearly every name has a simplifiable character; the few that do not (市政署, 治安警察局) are identical.
    expect(differing.length).toBeGreaterThan(texts.length * 0.8);
    expect(catalogue.departments.find((d) => d.code === 'IAM')?.name['zh-Hans']).toBe('市政署');
  });

  it('catch a Simplified name that is a copy, half-converted or a different name', () => {
    const name = (hant: string, hans: string) => ({ 'zh-Hant': hant, 'zh-Hans': hans, pt: 'x', en: 'x' });
    expect(simplifiedChineseProblem(name('身份證明局', '身份证明局'))).toBeUndefined();
    expect(simplifiedChineseProblem(name('身份證明局', '身份證明局'))).toMatch(/Traditional|copy/);
    expect(simplifiedChineseProblem(name('個人資料證明書', '个人资料證明书'))).toMatch(/Traditional/);
    expect(simplifiedChineseProblem(name('刑事紀錄證明書', '个人资料证明书'))).toMatch(/not/);
    // The Mainland forms the seed writes on purpose are accepted, and only those.
    expect(simplifiedChineseProblem(name('銀行帳戶', '银行账户'))).toBeUndefined();
    expect(mainlandForms.get('帐')?.writes).toBe('账');
  });

  it('write Portuguese with the pre-1990 spelling the Macau government keeps', () => {
    const bad = texts.flatMap(({ where, text }) => {
      const found = post1990Spellings(text.pt);
      return found.length > 0 ? [`${where}: ${found.join(', ')} in "${text.pt}"`] : [];
    });
    expect(bad).toEqual([]);
    const portuguese = texts.map(({ text }) => text.pt).join('\n');
    for (const word of [
      'Direcção',
      'Acção',
      'Protecção',
      'Inspecção',
      'Correccionais',
      'actividades',
      'Electrónic',
    ])
      expect(portuguese, word).toContain(word);
    expect(
      catalogue.departments.filter((d) => d.name.pt.startsWith('Direcção dos Serviços')).length,
    ).toBeGreaterThan(15);
  });

  it('find post-1990 spellings and leave the pre-1990 ones alone', () => {
    expect(post1990Spellings('Direção dos Serviços de Proteção Ambiental')).toEqual(['Direç', 'Proteç']);
    expect(
      post1990Spellings('Atualização de dados, ação social, assinatura eletrónica, arquiteto, atividade'),
    ).toEqual(['Atual', 'ação', 'eletr', 'arquitet', 'ativ']);
    expect(
      post1990Spellings(
        'Direcção, Acção, actualização, electrónica, arquitecto, actividade, direito, educação, adoçante',
      ),
    ).toEqual([]);
  });

  it('say "Macao" in English and "Macau" in Portuguese', () => {
    expect(texts.filter(({ text }) => /\bMacau\b/.test(text.en)).map(({ where }) => where)).toEqual([]);
    expect(texts.filter(({ text }) => /\bMacao\b/.test(text.pt)).map(({ where }) => where)).toEqual([]);
  });

  it('name every service differently in each language, as a resident searching would need', () => {
    for (const language of languages) {
      const names = catalogue.services.map((s) => s.name[language].toLowerCase());
      const repeated = names.filter((n, i) => names.indexOf(n) !== i);
      expect(repeated, language).toEqual([]);
    }
  });

  it('never name a service generically ("Service 123")', () => {
    const generic = /^(service|serviço|服務|服务)\s*\d+$/i;
    const bad = catalogue.services
      .filter((s) => languages.some((l) => generic.test(s.name[l])))
      .map((s) => s.id);
    expect(bad).toEqual([]);
  });
});
