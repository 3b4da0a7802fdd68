import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { formatBackendSetupError } from '../backend/create_backend.js';
import { openEmbeddedBackend } from '../backend/embedded/embedded_backend.js';
import { createCatalogueSearch } from '../backend/search/catalogue_search.js';
import { seedCatalogue } from '../backend/seed/seed_catalogue.js';
import { backendOpenApiText } from '../backend/server/backend_routes.js';
import { startReferenceServer } from '../backend/server/reference_server.js';
import { exitStatus } from '../startup/exit_status.js';
import type { CliCommand } from './command.js';
import { openConfiguredBackend } from './configured_backend.js';

/**
 * `balcao backend serve` (the reference server over the embedded backend), `balcao backend openapi` (the contract
 * as an OpenAPI 3.1 document) and `balcao catalogue search` (the kiosk's catalogue search, from the configured
 * backend's catalogue).
 */

const serveUsage =
  'balcao backend serve --port N [--db FILE] [--host H] [--tls-cert F --tls-key F [--tls-client-ca F]]';
const openapiUsage = 'balcao backend openapi [--out FILE]';

async function serve(args: string[], io: Parameters<CliCommand['run']>[1]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      db: { type: 'string' },
      host: { type: 'string' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      'tls-client-ca': { type: 'string' },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (values.port === undefined || !Number.isInteger(port) || port < 0 || port > 65_535) {
    io.err(`usage: ${serveUsage}`);
    return exitStatus.usage;
  }
  if ((values['tls-cert'] === undefined) !== (values['tls-key'] === undefined)) {
    io.err('--tls-cert and --tls-key go together');
    return exitStatus.usage;
  }
  const path = values.db ?? '.balcao/backend.sqlite';
  const opened = openEmbeddedBackend({ path, seed: seedCatalogue() });
  if (!opened.ok) {
    io.err(`balcao: ${formatBackendSetupError({ kind: 'embedded', path, ...opened.error })}`);
    return exitStatus.ioError;
  }
  const tls =
    values['tls-cert'] && values['tls-key']
      ? { certFile: values['tls-cert'], keyFile: values['tls-key'], clientCaFile: values['tls-client-ca'] }
      : undefined;
  const server = await startReferenceServer(opened.value, {
    port,
    host: values.host,
    tls,
    onInternalError: (error) =>
      io.err(`internal error: ${error instanceof Error ? error.message : 'unknown'}`),
  });
  // The first line is machine-readable, as the kiosk host's BALCAO_URL.
  io.out(`BACKEND_URL=${server.url}`);
  io.out(`Balcão reference backend on ${path}. The contract: ${server.url}/openapi.json. Ctrl-C stops it.`);
  await io.interrupted;
  await server.close();
  await opened.value.close();
  return exitStatus.ok;
}

export const backendCommand: CliCommand = {
  name: 'backend',
  usage: `${serveUsage}\n  ${openapiUsage}`,
  summary: 'serve the embedded backend over the HTTP contract, or print the contract as OpenAPI 3.1',
  async run(args, io) {
    const [verb, ...rest] = args;
    if (verb === 'serve') return serve(rest, io);
    if (verb === 'openapi') {
      const { values } = parseArgs({ args: rest, options: { out: { type: 'string' } }, strict: true });
      const text = backendOpenApiText();
      if (values.out) writeFileSync(values.out, text);
      else io.out(text.trimEnd());
      return exitStatus.ok;
    }
    io.err(`usage: ${serveUsage}\n       ${openapiUsage}`);
    return exitStatus.usage;
  },
};

const searchUsage =
  'balcao catalogue search "<text>" [--language zh-Hant|zh-Hans|pt|en] [--site macau|hengqin] [--limit N] [--json]';
const LanguageOption = z.enum(['zh-Hant', 'zh-Hans', 'pt', 'en']).optional();
const SiteOption = z.enum(['macau', 'hengqin']).optional();

export const catalogueCommand: CliCommand = {
  name: 'catalogue',
  usage: searchUsage,
  summary: 'search the catalogue as the kiosk does (four languages, pinyin, no accents needed)',
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: {
        language: { type: 'string' },
        site: { type: 'string' },
        limit: { type: 'string' },
        json: { type: 'boolean' },
        config: { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    });
    const [verb, text] = positionals;
    const language = LanguageOption.safeParse(values.language);
    const site = SiteOption.safeParse(values.site);
    const limit = values.limit === undefined ? 20 : Number(values.limit);
    if (verb !== 'search' || text === undefined || !language.success || !site.success || !(limit >= 1)) {
      io.err(`usage: ${searchUsage}`);
      return exitStatus.usage;
    }
    const opened = openConfiguredBackend(values.config, io);
    if (!opened.ok) return opened.error;
    const { backend } = opened.value;
    try {
      const catalogue = await backend.catalogue({});
      if (!catalogue.ok) {
        io.err(`balcao: the backend did not give its catalogue (${catalogue.error.kind})`);
        return exitStatus.unavailable;
      }
      const hits = createCatalogueSearch(catalogue.value).search(text, {
        language: language.data,
        site: site.data,
        limit,
      });
      if (values.json) io.out(JSON.stringify({ hits }));
      else for (const h of hits) io.out(`${h.serviceId}\t${h.department}\t${h.name[language.data ?? 'en']}`);
      return exitStatus.ok;
    } finally {
      await backend.close();
    }
  },
};
