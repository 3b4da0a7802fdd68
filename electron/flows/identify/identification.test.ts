import { afterEach, describe, expect, it } from 'vitest';
import { err } from '../../../lib/result.js';
import {
  type KioskAppFixture,
  type KioskAppFixtureOptions,
  startKioskAppFixture,
} from '../../../test/support/kiosk_app_fixture.js';
import { backendFromCall } from '../../backend/contract/backend.js';
import type { IdentifyView } from '../../rpc/flows/identify_contract.js';
import { Identification } from './identification.js';
import type { IdentifiedResident, IdentifyOptions } from './identify_types.js';

/**
 * The identify sub-machine on a whole kiosk app: the simulated CCID reader with its OCR window, the simulated GA 467
 * reader, the simulated scanner, the embedded backend with its sample residents, the real face decoder, passive
 * authentication against the simulator's CSCA (trusted by the test configuration, as `documents.trustSimulatorCsca`
 * says). The samples: `passport-macao` (R-0001, valid, PIN 123456), `passport-td3` (R-0002, expired),
 * `passport-forged` (its chip fails passive authentication), the residence permit (R-0001).
 */

const readers = [
  { id: 'scanner', kind: 'barcode-scanner', transport: 'simulated' },
  { id: 'ticket', kind: 'ticket-printer', transport: 'simulated' },
  { id: 'reader', kind: 'document-reader', transport: 'simulated' },
  { id: 'permit-reader', kind: 'id-card-reader', transport: 'simulated' },
];

const everyMethod: IdentifyOptions = {
  purpose: 'collect-document',
  methods: ['document', 'residence-permit', 'macao-one-account'],
  pin: true,
};

let kiosk: KioskAppFixture;
afterEach(() => kiosk.close());

async function startKiosk(
  overrides: Record<string, unknown> = {},
  backend: KioskAppFixtureOptions['backend'] = 'embedded',
): Promise<KioskAppFixture> {
  kiosk = await startKioskAppFixture(
    {
      services: ['collect-document', 'proof-of-identity', 'book-appointment'],
      devices: readers,
      documents: { trustSimulatorCsca: true },
      ...overrides,
    },
    { clockStart: Date.now(), backend },
  );
  return kiosk;
}

function identify(options: IdentifyOptions = everyMethod) {
  const identified: IdentifiedResident[] = [];
  const left: ('back' | 'cancel')[] = [];
  const shown: IdentifyView['stage'][] = [];
  const identification: Identification = new Identification(
    kiosk.app.flowServices,
    { sessionId: 'test-session', stepChanged: () => shown.push(identification.view().stage) },
    options,
    { onIdentified: (resident) => identified.push(resident), onLeave: (why) => left.push(why) },
  );
  const stageBecomes = (stage: IdentifyView['stage']) =>
    expect.poll(() => identification.view().stage, { timeout: 10_000 }).toBe(stage);
  return { identification, identified, left, shown, stageBecomes };
}

const place = (sample: string, deviceId = 'reader') =>
  kiosk.devices.simulate({ action: 'document', deviceId, sample });

/** Every line the kiosk logged, as text: for checking that nothing of the resident got into it. */
const logText = () => JSON.stringify(kiosk.logger.lines);

describe('identify with a passport on the reader', () => {
  it('reads the chip, shows the face and masked facts, checks the PIN, and hands the resident over', async () => {
    await startKiosk();
    const { identification, identified, shown, stageBecomes } = identify();
    expect(identification.view()).toEqual({
      stage: 'place',
      purpose: 'collect-document',
      // No residence permit at a Macau terminal.
      methods: ['document', 'macao-one-account'],
      notice: null,
    });
    await place('passport-macao');
    await stageBecomes('confirm');
    expect(shown).toContain('reading');
    const confirm = identification.view();
    expect(confirm).toMatchObject({
      stage: 'confirm',
      document: 'passport',
      name: 'CHAN T** M**',
      documentNumber: 'M*****678',
      pinNext: true,
    });
    expect(confirm.stage === 'confirm' && confirm.face).toMatch(/^data:image\/jpeg;base64,\/9j\//);

    expect(identification.confirm()).toEqual({ ok: true });
    expect(identification.view()).toEqual({ stage: 'pin', purpose: 'collect-document', attemptsLeft: null });
    await identification.submitPin('000000');
    expect(identification.view()).toEqual({ stage: 'pin', purpose: 'collect-document', attemptsLeft: 2 });
    await identification.submitPin('123456');
    expect(identified).toHaveLength(1);
    expect(identified[0]).toMatchObject({
      residentRef: 'R-0001',
      method: 'document',
      document: {
        kind: 'passport',
        number: 'MB2345678',
        nameOnDocument: 'CHAN TAI MAN',
        birthDate: '1990-03-15',
        expiryDate: '2033-05-20',
      },
      pinAuthorisation: { authorisation: expect.any(String), expiresAt: expect.any(String) },
    });
    expect(kiosk.logger.of('identify-completed')).toEqual([
      { method: 'document', purpose: 'collect-document', pin: true },
    ]);
    // Neither the PIN, nor the name, nor the number reached a log line.
    expect(logText()).not.toMatch(/123456|000000|CHAN|MB2345678|陳/);
  });

  it('refuses an expired document, and says so', async () => {
    await startKiosk();
    const { identification, stageBecomes } = identify();
    await place('passport-td3');
    await stageBecomes('refused');
    expect(identification.view()).toMatchObject({ reason: 'expired', retry: true });
  });

  it('refuses a chip that fails passive authentication, and audits it without personal data', async () => {
    await startKiosk();
    const { identification, stageBecomes } = identify();
    await place('passport-forged');
    await stageBecomes('refused');
    expect(identification.view()).toMatchObject({ reason: 'not-genuine' });
    const audited = kiosk.app.journal.audit
      .recent()
      .filter((row) => row.kind === 'passive-authentication-failed');
    expect(audited).toHaveLength(1);
    expect(JSON.parse(audited[0]!.content).event).toEqual({
      kind: 'passive-authentication-failed',
      readerId: 'reader',
      reason: 'ds-not-signed-by-csca',
    });
    expect(JSON.stringify(audited)).not.toMatch(/LEI|MB7654321|881102/);
  });

  it('asks to place the document again when it leaves the reader mid-read, and reads it the second time', async () => {
    await startKiosk();
    const { identification, stageBecomes } = identify();
    const controls = kiosk.devices.manager.simulators.get('reader');
    if (controls?.kind !== 'document-reader') throw new Error('no simulated reader');
    controls.faults.removeCardDuringNextTransfer();
    await place('passport-macao');
    await stageBecomes('refused');
    expect(identification.view()).toMatchObject({ reason: 'card-removed', retry: true });
    await place('passport-macao');
    await stageBecomes('confirm');
  });

  it('reads the next resident’s document at the first try, once the last one took theirs away', async () => {
    await startKiosk();
    const first = identify();
    await place('passport-macao');
    await first.stageBecomes('confirm');
    first.identification.dispose();
    // The first resident takes the passport away; the next one lays theirs down.
    await kiosk.devices.simulate({ action: 'document', deviceId: 'reader', sample: null });
    const [reader] = kiosk.app.flowServices.devices.documentReaders();
    await expect.poll(() => reader?.driver.status().state, { timeout: 5_000 }).toBe('ready');
    const next = identify();
    await place('passport-macao');
    await next.stageBecomes('confirm');
    expect(kiosk.logger.of('identify-document-read').map((line) => line.outcome)).toEqual(['read', 'read']);
  });

  it('refuses a chip it cannot verify when the simulator CSCA is not trusted', async () => {
    await startKiosk({ documents: { trustSimulatorCsca: false } });
    const { identification, stageBecomes } = identify();
    await place('passport-macao');
    await stageBecomes('refused');
    expect(identification.view()).toMatchObject({ reason: 'not-verifiable' });
  });

  it('says "Not me": drops what was read and asks for the resident’s own document', async () => {
    await startKiosk();
    const { identification, stageBecomes } = identify();
    await place('passport-macao');
    await stageBecomes('confirm');
    expect(identification.notMe()).toEqual({ ok: true });
    expect(identification.view()).toEqual({
      stage: 'place',
      purpose: 'collect-document',
      methods: ['document', 'macao-one-account'],
      notice: 'not-me',
    });
    expect(identification.confirm()).toEqual({ ok: false, error: 'other-step' });
  });

  it('without a PIN (booking), the resident is handed over at "This is me"', async () => {
    await startKiosk();
    const { identification, identified, stageBecomes } = identify({
      purpose: 'book-appointment',
      methods: ['document'],
      pin: false,
    });
    await place('passport-macao');
    await stageBecomes('confirm');
    expect(identification.view()).toMatchObject({ pinNext: false });
    identification.confirm();
    expect(identified[0]).toMatchObject({ residentRef: 'R-0001', pinAuthorisation: null });
  });
});

describe('identify with a reader that has no OCR window', () => {
  const chipOnly = () =>
    startKiosk({
      devices: [
        ...readers.filter((d) => d.kind !== 'document-reader'),
        { id: 'reader', kind: 'document-reader', transport: 'simulated', options: { ocrWindow: false } },
      ],
    });

  it('asks for the three values, says when they do not open the chip, and reads it with the right ones', async () => {
    await chipOnly();
    const { identification, stageBecomes } = identify();
    await place('passport-macao');
    await stageBecomes('type-mrz');
    expect(identification.view()).toMatchObject({ problem: null });

    await identification.submitMrz({ documentNumber: 'MB2345678', birthDate: '1990-02-31', expiryDate: 'x' });
    expect(identification.view()).toMatchObject({ stage: 'type-mrz', problem: 'format' });
    await identification.submitMrz({
      documentNumber: 'MB2345679',
      birthDate: '1990-03-15',
      expiryDate: '2033-05-20',
    });
    await stageBecomes('type-mrz');
    expect(identification.view()).toMatchObject({ problem: 'no-match' });
    await identification.submitMrz({
      documentNumber: 'MB2345678',
      birthDate: '1990-03-15',
      expiryDate: '2033-05-20',
    });
    await stageBecomes('confirm');
    expect(identification.view()).toMatchObject({ name: 'CHAN T** M**' });
  });
});

describe('identify with the residence permit (Hengqin)', () => {
  it('reads the permit at a Hengqin terminal', async () => {
    await startKiosk({
      site: {
        kind: 'hengqin',
        centreId: 'hengqin-gsc',
        name: { 'zh-Hant': '甲', 'zh-Hans': '甲', pt: 'A', en: 'A' },
      },
    });
    const { identification, identified, stageBecomes } = identify();
    expect(identification.view()).toMatchObject({
      methods: ['document', 'residence-permit', 'macao-one-account'],
    });
    await place('residence-permit', 'permit-reader');
    await stageBecomes('confirm');
    expect(identification.view()).toMatchObject({
      document: 'residence-permit',
      name: '陳*文',
      documentNumber: '8**************017',
      face: null,
    });
    identification.confirm();
    await identification.submitPin('123456');
    expect(identified[0]).toMatchObject({
      residentRef: 'R-0001',
      method: 'residence-permit',
      document: { kind: 'residence-permit', number: '820000199003150017' },
    });
  });

  it('does not listen to the permit reader at a Macau terminal', async () => {
    await startKiosk();
    const { identification, shown } = identify();
    await place('residence-permit', 'permit-reader');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(shown).toEqual([]);
    expect(identification.view().stage).toBe('place');
  });
});

describe('identify with a Macao One Account QR code', () => {
  const scan = (text: string) =>
    kiosk.devices.simulate({ action: 'scan', deviceId: 'scanner', text, symbology: 'qr' });

  it('finds the resident by the token, then asks the PIN', async () => {
    await startKiosk();
    const { identification, identified, stageBecomes } = identify();
    await scan('moa1:sample:R-0002');
    await stageBecomes('pin');
    await identification.submitPin('246810');
    expect(identified[0]).toMatchObject({
      residentRef: 'R-0002',
      method: 'macao-one-account',
      document: null,
    });
  });

  it('says a code is not a One Account code, and that an unknown one is not known', async () => {
    await startKiosk();
    const { identification, stageBecomes } = identify();
    await scan('SAMPLE0000000001');
    await expect.poll(() => identification.view()).toMatchObject({ notice: 'not-a-one-account-code' });
    await scan('moa1:nobody-here');
    await stageBecomes('refused');
    expect(identification.view()).toMatchObject({ reason: 'not-known', retry: true });
  });
});

describe('when the backend cannot be reached', () => {
  it('says the service is not available, and "Try again" goes back to the start', async () => {
    const unreachable = () =>
      backendFromCall(
        'http',
        async () => err({ kind: 'unreachable', detail: 'connection refused', neverSent: false }),
        async () => {},
      );
    await startKiosk({}, unreachable);
    const { identification, stageBecomes } = identify();
    await place('passport-macao');
    await stageBecomes('refused');
    expect(identification.view()).toMatchObject({ reason: 'unavailable', retry: true });
    expect(kiosk.logger.of('identify-refused')).toEqual([
      { reason: 'unavailable', purpose: 'collect-document', method: 'document', backendError: 'unreachable' },
    ]);
    expect(identification.retry()).toEqual({ ok: true });
    // The passport is still on the reader: it is read again at once.
    expect(identification.view().stage).toBe('reading');
    await stageBecomes('refused');
  });
});

describe('the PIN', () => {
  it('locks after three wrong PINs, with the time it opens again and no retry', async () => {
    await startKiosk();
    const { identification, stageBecomes } = identify();
    await kiosk.devices.simulate({
      action: 'scan',
      deviceId: 'scanner',
      text: 'moa1:sample:R-0003',
      symbology: 'qr',
    });
    await stageBecomes('pin');
    await identification.submitPin('000001');
    await identification.submitPin('000002');
    expect(identification.view()).toMatchObject({ stage: 'pin', attemptsLeft: 1 });
    await identification.submitPin('000003');
    expect(identification.view()).toMatchObject({
      stage: 'refused',
      reason: 'pin-locked',
      retry: false,
      lockedUntil: expect.stringMatching(/\+08:00$/),
    });
    expect(identification.retry()).toEqual({ ok: false, error: 'other-step' });
    expect(kiosk.logger.of('identify-pin-wrong')).toEqual([
      { attemptsLeft: 2 },
      { attemptsLeft: 1 },
      { attemptsLeft: 0 },
    ]);
  });
});

describe('leaving and disposal', () => {
  it('Back on the first stage and Cancel anywhere go to the host', async () => {
    await startKiosk();
    const { identification, left, stageBecomes } = identify();
    expect(identification.back()).toEqual({ ok: true });
    await place('passport-macao');
    await stageBecomes('confirm');
    expect(identification.cancel()).toEqual({ ok: true });
    expect(left).toEqual(['back', 'cancel']);
    expect(identification.view().stage).toBe('place');
  });

  it('disposal drops the face and the masked facts, stops listening, and wipes the face decoder’s worker', async () => {
    await startKiosk();
    const faces = kiosk.app.flowServices.documents.faces;
    const { identification, shown, stageBecomes } = identify();
    await place('passport-macao');
    await stageBecomes('confirm');
    const worker = faces.workerThreadId;
    expect(worker).toBeDefined();
    identification.dispose();
    expect(identification.view()).toMatchObject({ stage: 'place' });
    await expect.poll(() => faces.workerThreadId).not.toBe(worker);
    const before = shown.length;
    await place('passport-macao');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(shown.length).toBe(before);
    expect(identification.confirm()).toEqual({ ok: false, error: 'other-step' });
  });

  it('drops a read that finishes after the resident went back', async () => {
    await startKiosk();
    const { identification, stageBecomes } = identify();
    const controls = kiosk.devices.manager.simulators.get('reader');
    if (controls?.kind !== 'document-reader') throw new Error('no simulated reader');
    // A slow chip: the read takes seconds, so the resident can go back in the middle of it.
    controls.faults.chipLatencyMs = 10;
    await place('passport-macao');
    await stageBecomes('reading');
    identification.back();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(identification.view().stage).toBe('place');
  });
});
