/**
 * `npm run fuzz:sod -- --runs 200000 [--seed N] [--read-every 100]`: the long fuzz of EF.SOD, outside the default
 * test run (devices/document/icao9303/ef_sod_malformed.test.ts runs the same property a few hundred times).
 *
 * Each input is a genuine SOD (three shapes: the plain one, one naming its signer by subjectKeyIdentifier among
 * several certificates, and the forged one of issue 8) with one to four structure-aware mutations
 * (simulator/der_mutations.ts). For every input:
 *   - parseSod returns a result, and a failure is `sod-malformed`;
 *   - passiveAuthentication resolves to verified, unverified or failed, and "verified" only for a SOD whose
 *     LDSSecurityObject is the genuine one (a mutation of unsigned parts may verify; new hashes never may);
 *   - every `--read-every`-th input is also served by a simulated chip and read with readEmrtd, which resolves.
 * Every failure is collected with its seed and mutations (replayable), the run goes on, and the summary lists
 * them; the exit status is 1 when there was any.
 */
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { type ParsedSod, parseSod } from '../devices/document/icao9303/ef_sod.js';
import { passiveAuthentication } from '../devices/document/icao9303/passive_authentication.js';
import { readEmrtd } from '../devices/document/icao9303/read_emrtd.js';
import {
  applyDerMutations,
  type DerMutation,
  derMutationsArbitrary,
} from '../devices/document/icao9303/simulator/der_mutations.js';
import { DirectCardChannel } from '../devices/document/icao9303/simulator/direct_card_channel.js';
import { EmrtdChip } from '../devices/document/icao9303/simulator/emrtd_chip.js';
import { createEmrtdChip } from '../devices/document/icao9303/simulator/emrtd_chip_factory.js';
import { buildDg1, buildSecurityObject } from '../devices/document/icao9303/simulator/lds_builder.js';
import { minimalJpeg } from '../devices/document/icao9303/simulator/minimal_jpeg.js';
import { createTestPki, signSod } from '../devices/document/icao9303/simulator/test_pki.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '200000' },
    seed: { type: 'string' },
    'read-every': { type: 'string', default: '100' },
  },
  strict: true,
});
const runs = Number(values.runs);
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
const readEvery = Number(values['read-every']);
if (![runs, seed, readEvery].every((n) => Number.isSafeInteger(n) && n > 0)) {
  console.error('--runs, --seed and --read-every take positive whole numbers');
  process.exit(64);
}

const NOW = new Date('2026-11-27T08:00:00Z');
const MRZ = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C<3UTO6908061F9406236ZE184226B<<<<<14'];
const pki = await createTestPki(NOW);
const forger = await createTestPki(NOW, 'Utopia CSCA');
const dg1 = buildDg1(MRZ);
const content = buildSecurityObject(new Map([[1, dg1]]));
const bases = [
  await signSod(content, pki.documentSigner),
  await signSod(content, pki.documentSigner, {
    certificates: [pki.csca, pki.documentSigner],
    signerIdentifier: 'subject-key-identifier',
  }),
  await signSod(content, forger.documentSigner, {
    certificates: [pki.documentSigner, forger.documentSigner],
    signerIdentifier: 'subject-key-identifier',
  }),
];
const genuine = parseSod(bases[0]!);
if (!genuine.ok) throw new Error('the genuine SOD does not parse');
const genuineObject: ParsedSod['securityObject'] = genuine.value.securityObject;
const chip = await createEmrtdChip({
  mrzLines: MRZ,
  face: { bytes: minimalJpeg(1024), width: 8, height: 8, format: 'jpeg' },
  documentSigner: pki.documentSigner,
});

function sameObject(parsed: ParsedSod): boolean {
  const a = parsed.securityObject;
  if (a.hashAlgorithm !== genuineObject.hashAlgorithm) return false;
  if (a.dataGroupHashes.size !== genuineObject.dataGroupHashes.size) return false;
  return [...a.dataGroupHashes].every(([dg, value]) =>
    Buffer.from(value).equals(Buffer.from(genuineObject.dataGroupHashes.get(dg) ?? [])),
  );
}

/** The problem with one input, or undefined when every property holds. */
async function check(sod: Uint8Array, read: boolean): Promise<string | undefined> {
  const parsed = parseSod(sod);
  if (!parsed.ok && parsed.error.code !== 'sod-malformed') return `parseSod error ${parsed.error.code}`;
  const verdict = await passiveAuthentication({
    sod,
    dataGroups: new Map([[1, dg1]]),
    trustStore: [pki.csca.der],
    now: NOW,
  });
  const key = 'reason' in verdict ? `${verdict.status}:${verdict.reason}` : verdict.status;
  statuses.set(key, (statuses.get(key) ?? 0) + 1);
  if (!['verified', 'unverified', 'failed'].includes(verdict.status)) return `status ${verdict.status}`;
  if (verdict.status === 'verified' && !(parsed.ok && sameObject(parsed.value)))
    return 'verified a SOD whose LDSSecurityObject is not the signed one';
  if (read) {
    const files = new Map(chip.files);
    files.set(0x011d, sod);
    const card = new EmrtdChip({ mrzInformation: chip.mrzInformation, files });
    const reading = await readEmrtd(
      new DirectCardChannel(card),
      { documentNumber: 'L898902C<', birthDate: '690806', expiryDate: '940623' },
      { trustStore: [pki.csca.der], dataGroups: [1, 2], now: NOW },
    );
    if (reading.ok && reading.value.passiveAuthentication.status === 'verified' && !parsed.ok)
      return 'readEmrtd verified an unparsable SOD';
    if (!reading.ok && !(reading.error.code === 'read' && reading.error.file === 'EF.SOD'))
      return `readEmrtd failed at ${reading.error.code}`;
  }
  return undefined;
}

const statuses = new Map<string, number>();
const failures: { base: number; mutations: DerMutation[]; problem: string }[] = [];
let count = 0;
const started = Date.now();
await fc.assert(
  fc.asyncProperty(fc.nat({ max: bases.length - 1 }), derMutationsArbitrary, async (base, mutations) => {
    count++;
    const sod = applyDerMutations(bases[base]!, mutations);
    let problem: string | undefined;
    try {
      problem = await check(sod, count % readEvery === 0);
    } catch (error) {
      problem = `threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
    }
    if (problem !== undefined) failures.push({ base, mutations, problem });
    if (count % 10_000 === 0) {
      const seconds = (Date.now() - started) / 1000;
      console.log(`${count} inputs, ${seconds.toFixed(0)} s, ${failures.length} failures`);
    }
    return true;
  }),
  { numRuns: runs, seed, endOnFailure: true },
);

const seconds = (Date.now() - started) / 1000;
console.log(
  JSON.stringify(
    {
      inputs: count,
      seed,
      seconds: Math.round(seconds),
      inputsPerSecond: Math.round(count / seconds),
      readEmrtdInputs: Math.floor(count / readEvery),
      failures: failures.length,
      verdicts: Object.fromEntries([...statuses].sort(([, a], [, b]) => b - a)),
    },
    null,
    2,
  ),
);
// Byte arrays print as hex, so a failure can be replayed with applyDerMutations.
const hex = (_key: string, value: unknown) =>
  value instanceof Uint8Array ? Buffer.from(value).toString('hex') : value;
for (const failure of failures.slice(0, 10)) console.log(JSON.stringify(failure, hex));
process.exit(failures.length === 0 ? 0 : 1);
