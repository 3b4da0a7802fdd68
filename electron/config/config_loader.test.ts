import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { developmentBadgeKey } from '../staff/staff_config.js';
import { formatConfigError, loadConfigFile, parseConfig } from './config_loader.js';

const shipped = JSON.parse(readFileSync('config/balcao.config.json', 'utf8')) as Record<string, unknown>;

/** A staff office's public key, as a production terminal's configuration lists it (the Hengqin example's). */
const productionBadgeKey = 'UYNUIMCQAAbMlJvqznRkYanggJ/1Rc8z4b9TMxxBq1A=';
/** The shipped station, trusting an issuer's production key instead of the development one. */
const productionStation = {
  ...(shipped.lockerStation as Record<string, unknown>),
  issuerKeys: { 'easy-pickup': productionBadgeKey },
};

function problemsOf(raw: unknown): string[] {
  const result = parseConfig(raw);
  if (result.ok) return [];
  return result.error.code === 'invalid' ? result.error.problems : [result.error.code];
}

describe('configuration', () => {
  it('a locker station: the pickup service needs one, its doors exist, production refuses the development key', () => {
    const { lockerStation: _station, ...noStation } = shipped;
    expect(problemsOf(noStation)).toEqual([
      'lockerStation: is required when the locker-pickup service is enabled',
    ]);
    const station = shipped.lockerStation as { compartments: Record<string, unknown> };
    const wrongDoor = {
      ...station,
      compartments: { ...station.compartments, C01: { device: 'lockers', door: 'Z9' } },
    };
    expect(problemsOf({ ...shipped, lockerStation: wrongDoor })).toEqual([
      'lockerStation.compartments.C01: door Z9 is not a door of a locker controller "lockers"',
    ]);
    expect(problemsOf({ ...shipped, mode: 'test', lockerStation: station })).toEqual([]);
    // A section with a mistake is reported as that mistake, not as missing.
    expect(problemsOf({ ...shipped, lockerStation: { ...station, pointId: 'no spaces' } })).toEqual([
      expect.stringMatching(/^lockerStation\.pointId: /),
    ]);
    expect(problemsOf({ ...shipped, mode: 'production' })).toContain(
      'lockerStation.issuerKeys.dev-easy-pickup: is the development key (config/dev): never trusted in production',
    );
  });

  it('accepts the shipped development configuration and the Hengqin example', () => {
    expect(parseConfig(shipped).ok).toBe(true);
    const hengqin = loadConfigFile('config/examples/hengqin.config.json');
    expect(hengqin.ok).toBe(true);
    if (hengqin.ok) {
      expect(hengqin.value.languages.default).toBe('zh-Hans');
      expect(hengqin.value.devices[0]?.vendorId).toBe(0x0c2e);
    }
  });

  it('names the field of every problem', () => {
    const bad = { ...shipped, terminal: { id: 'lower case' }, services: ['teleport'] };
    const problems = problemsOf(bad);
    expect(problems.some((p) => p.startsWith('terminal.id:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('services[0]:'))).toBe(true);
  });

  it('enforces the WCAG 2.2.1 minima in production, and relaxes them for tests', () => {
    const limits = { idleSeconds: 10, warningSeconds: 5, maxExtensions: 3, attractSlideSeconds: 6 };
    const production = problemsOf({ ...shipped, mode: 'production', timeLimits: limits });
    expect(production).toContain(
      'timeLimits.warningSeconds: must be at least 20 s in production (WCAG 2.2.1)',
    );
    expect(production).toContain('timeLimits.maxExtensions: must be at least 10 in production (WCAG 2.2.1)');
    expect(problemsOf({ ...shipped, mode: 'test', timeLimits: limits })).toEqual([]);
  });

  it('rejects a warning as long as the idle limit', () => {
    const limits = { idleSeconds: 30, warningSeconds: 30, maxExtensions: 10, attractSlideSeconds: 6 };
    expect(problemsOf({ ...shipped, timeLimits: limits })).toContain(
      'timeLimits.warningSeconds: must be shorter than timeLimits.idleSeconds',
    );
  });

  it('rejects duplicate device ids and real devices without vendor/product ids', () => {
    const devices = [
      { id: 'scanner', kind: 'barcode-scanner', transport: 'simulated' },
      { id: 'scanner', kind: 'ticket-printer', transport: 'usb' },
    ];
    const problems = problemsOf({ ...shipped, devices });
    expect(problems).toContain('devices[1].id: duplicate device id "scanner"');
    expect(problems).toContain('devices[1]: a usb or hid device needs vendorId and productId');
  });

  it('reports every bad field in one run, the rules between fields included', () => {
    const problems = problemsOf({
      ...shipped,
      mode: 'production',
      terminal: { id: 5 },
      services: ['teleport'],
      timeLimit: {},
      languages: { offered: ['en'], default: 'pt' },
      timeLimits: { idleSeconds: 30, warningSeconds: 30, maxExtensions: 3, attractSlideSeconds: 6 },
      devices: [
        { id: 'scanner', kind: 'barcode-scanner', transport: 'simulated' },
        { id: 'Bad Id', kind: 'toaster', transport: 'usb' },
        { id: 'scanner', kind: 'ticket-printer', transport: 'usb' },
      ],
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'terminal.id: Invalid input: expected string, received number',
        expect.stringMatching(/^services\[0\]: /),
        '(top level): Unrecognized key: "timeLimit"',
        expect.stringMatching(/^devices\[1\]\.id: /),
        expect.stringMatching(/^devices\[1\]\.kind: /),
        'timeLimits.warningSeconds: must be shorter than timeLimits.idleSeconds',
        'timeLimits.maxExtensions: must be at least 10 in production (WCAG 2.2.1)',
        'languages.default: must be one of languages.offered',
        'devices[2].id: duplicate device id "scanner"',
        'devices[2]: a usb or hid device needs vendorId and productId',
        expect.stringMatching(/^documents\.signingKeyFile: is required in production/),
      ]),
    );
    expect(new Set(problems).size).toBe(problems.length);
  });

  it('requires the terminal’s signing key file in production, and only there', () => {
    // A production file names its CSCA list (config_trust_anchors.test.ts checks that rule).
    const trusted = { trustAnchors: ['/etc/balcao/csca.pem'] };
    const production = {
      ...shipped,
      mode: 'production',
      documents: trusted,
      staff: { badgeKeys: { office: productionBadgeKey } },
      lockerStation: productionStation,
    };
    expect(problemsOf(production)).toEqual([
      'documents.signingKeyFile: is required in production: the terminal\'s Ed25519 key file, made with "balcao new-signing-key"',
    ]);
    expect(
      problemsOf({ ...production, documents: { ...trusted, signingKeyFile: '/etc/balcao/terminal.pem' } }),
    ).toEqual([]);
    expect(problemsOf({ ...shipped, mode: 'development' })).toEqual([]);
    expect(problemsOf({ ...shipped, mode: 'test' })).toEqual([]);
  });

  it('in production, refuses the development staff-badge key', () => {
    const production = {
      ...shipped,
      mode: 'production',
      documents: { signingKeyFile: '/etc/balcao/terminal.pem', trustAnchors: ['/etc/balcao/csca.pem'] },
      lockerStation: productionStation,
    };
    expect(problemsOf({ ...production, staff: {} })).toEqual([]);
    expect(
      problemsOf({
        ...production,
        staff: { badgeKeys: { office: productionBadgeKey, 'dev-staff-office': developmentBadgeKey } },
      }),
    ).toEqual([
      'staff.badgeKeys.dev-staff-office: is the development key (config/dev): never trusted in production',
    ]);
    expect(
      problemsOf({ ...shipped, staff: { badgeKeys: { 'dev-staff-office': developmentBadgeKey } } }),
    ).toEqual([]);
  });

  it('rejects unknown top-level fields (a typo must not be silently ignored)', () => {
    expect(problemsOf({ ...shipped, timeLimit: {} }).join()).toContain('timeLimit');
  });

  it('reports an unreadable file and a file that is not JSON with their paths', () => {
    const dir = mkdtempSync(join(tmpdir(), 'balcao-config-'));
    const missing = loadConfigFile(join(dir, 'missing.json'));
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(formatConfigError(missing.error)).toContain('missing.json cannot be read');
    writeFileSync(join(dir, 'broken.json'), '{ "terminal": ');
    const broken = loadConfigFile(join(dir, 'broken.json'));
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(formatConfigError(broken.error)).toMatch(/broken\.json is not valid JSON/);
  });
});

describe('device options, checked with each driver’s schema', () => {
  const ids = { vendorId: '0x04b8', productId: '0x0e15' };
  const doors = { A1: { relay: 1, sensor: 1 } };
  const misspelt: { kind: string; transport: string; options: Record<string, unknown>; says: string }[] = [
    {
      kind: 'barcode-scanner',
      transport: 'hid',
      options: { gapMS: 100 },
      says: 'gapMS: unknown option; did you mean gapMs?',
    },
    {
      kind: 'ticket-printer',
      transport: 'usb',
      options: { codepage: 'pc858' },
      says: 'codepage: unknown option; did you mean codePage?',
    },
    {
      kind: 'document-printer',
      transport: 'usb',
      options: { queue: 'a4' },
      says: 'queue: unknown option; did you mean cupsQueue?',
    },
    {
      kind: 'document-reader',
      transport: 'usb',
      options: { responseTimeout: 3000 },
      says: 'responseTimeout: unknown option; did you mean responseTimeoutMs?',
    },
    {
      kind: 'id-card-reader',
      transport: 'usb',
      options: { readTimeout: 900 },
      says: 'readTimeout: unknown option; did you mean readTimeoutMs?',
    },
    {
      kind: 'locker-controller',
      transport: 'hid',
      options: { doors, pulse: 300 },
      says: 'pulse: unknown option; did you mean pulseMs?',
    },
    {
      kind: 'document-dispenser',
      transport: 'serial',
      options: { path: '/dev/ttyUSB0', timeouts: { takeMS: 30_000 } },
      says: 'timeouts.takeMS: unknown option; did you mean takeMs?',
    },
  ];

  for (const { kind, transport, options, says } of misspelt) {
    it(`${kind}: a misspelt option stops start-up with a suggestion, over ${transport} and simulated`, () => {
      for (const t of [transport, 'simulated']) {
        const devices = [
          { id: 'scanner', kind: 'barcode-scanner', transport: 'simulated' },
          { id: 'device', kind, transport: t, ...ids, options },
        ];
        expect(problemsOf({ ...shipped, devices })).toEqual([`devices[1].options.${says}`]);
      }
    });
  }

  it('names a value of the wrong type, an unknown option with nothing near it, and a misspelt nested key', () => {
    const devices = [
      {
        id: 'a4',
        kind: 'document-printer',
        transport: 'simulated',
        options: { directUsb: 'no', colour: true },
      },
      {
        id: 'lockers',
        kind: 'locker-controller',
        transport: 'simulated',
        options: { doors: { A1: { relai: 1, sensor: 1 } } },
      },
    ];
    expect(problemsOf({ ...shipped, devices })).toEqual([
      'devices[0].options.directUsb: Invalid input: expected boolean, received string',
      'devices[0].options.colour: unknown option',
      'devices[1].options.doors.A1.relay: Invalid input: expected number, received undefined',
      'devices[1].options.doors.A1.relai: unknown option; did you mean relay?',
    ]);
  });

  it('reports bad options in the same report as every other problem of the file', () => {
    const devices = [
      { id: 'scanner', kind: 'teleporter', transport: 'simulated' },
      { id: 'a4', kind: 'document-printer', transport: 'simulated', options: { queue: 'a4' } },
    ];
    const problems = problemsOf({ ...shipped, terminal: { id: 'lower case' }, devices });
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^terminal\.id:/);
    expect(problems[1]).toMatch(/^devices\[0\]\.kind:/);
    expect(problems[2]).toBe('devices[1].options.queue: unknown option; did you mean cupsQueue?');
  });

  it('loads every shipped configuration and example without a problem', () => {
    const files = [
      'config/balcao.config.json',
      ...readdirSync('config/examples')
        .filter((name) => name.endsWith('.json'))
        .map((name) => join('config/examples', name)),
    ];
    expect(files.length).toBeGreaterThan(1);
    for (const file of files) {
      const loaded = loadConfigFile(file);
      expect(loaded.ok ? 'ok' : formatConfigError(loaded.error), file).toBe('ok');
    }
  });
});
