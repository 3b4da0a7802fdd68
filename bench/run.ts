import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchResult } from './bench_result.js';

/**
 * `npm run bench [name…]`: runs every bench/*.ts module that exports `run()` (or only the named ones) and writes
 * bench/results/<module>.json with the figures, the machine and the date.
 */
const only = process.argv.slice(2);
const here = 'bench';
const modules = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && !['run.ts', 'bench_result.ts'].includes(f) && !f.endsWith('.test.ts'))
  .map((f) => basename(f, '.ts'))
  .filter((name) => only.length === 0 || only.includes(name));

mkdirSync(join(here, 'results'), { recursive: true });
let failed = 0;
for (const name of modules) {
  const started = Date.now();
  try {
    const module = (await import(pathToFileURL(join(process.cwd(), here, `${name}.ts`)).href)) as {
      run?: () => Promise<BenchResult[]>;
    };
    if (!module.run) continue;
    const results = await module.run();
    const report = {
      module: name,
      date: new Date().toISOString(),
      machine: {
        node: process.version,
        platform: process.platform,
        arch: process.arch,
        cpus: (await import('node:os')).cpus().length,
      },
      seconds: (Date.now() - started) / 1000,
      results: results.map((r) => ({
        ...r,
        met: r.target
          ? r.target.op === '<='
            ? r.value <= r.target.value
            : r.value >= r.target.value
          : undefined,
      })),
    };
    writeFileSync(join(here, 'results', `${name}.json`), `${JSON.stringify(report, null, 2)}\n`);
    for (const r of report.results) {
      const target = r.target
        ? ` (target ${r.target.op} ${r.target.value}: ${r.met ? 'met' : 'NOT met'})`
        : '';
      console.log(`${name}: ${r.name} = ${Number(r.value.toFixed(3))} ${r.unit}${target}`);
    }
  } catch (error) {
    failed++;
    console.error(`${name}: failed`, error);
  }
}
process.exit(failed > 0 ? 1 : 0);
