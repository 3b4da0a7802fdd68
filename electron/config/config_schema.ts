import { z } from 'zod';
import { type DeviceConfig, DeviceConfigSchema } from '../../devices/device_config.js';
import { deviceOptionsProblems } from '../../devices/device_options.js';
import { BackendConfigSchema } from '../backend/backend_config.js';
import { defaultHeartbeatConfig, HeartbeatConfigSchema } from '../heartbeat/heartbeat_config.js';
import { LockerStationConfigSchema, lockerStationIssues } from '../lockers/locker_station_config.js';
import { defaultMaintenanceConfig, MaintenanceConfigSchema } from '../maintenance/maintenance_config.js';
import { FontConfigSchema } from '../printed/fonts/font_config.js';
import { MaskPolicySchema } from '../printed/templates/document_number_mask.js';
import { LanguageSchema } from '../rpc/language_schema.js';
import { languages } from '../rpc/languages.js';
import { ServiceIdSchema } from '../rpc/service_id_schema.js';
import { defaultStaffConfig, StaffConfigSchema, staffConfigIssues } from '../staff/staff_config.js';

/**
 * The terminal's one configuration file, validated at start-up. A bad file stops start-up with a message that
 * names the field (see config_loader.ts), never a half-configured kiosk.
 */

const localisedText = z.object({
  'zh-Hant': z.string(),
  'zh-Hans': z.string(),
  pt: z.string(),
  en: z.string(),
});

const TimeLimitsSchema = z.object({
  /** Inactivity before the session ends, the warning period included. */
  idleSeconds: z.number().int().positive().default(120),
  /** How long "Need more time?" shows before the end. WCAG 2.2.1 asks for at least 20 s. */
  warningSeconds: z.number().int().positive().default(30),
  /** How many times a resident may extend; WCAG 2.2.1 asks for at least 10. */
  maxExtensions: z.number().int().nonnegative().default(10),
  /** How long each attract-screen highlight stays. */
  attractSlideSeconds: z.number().positive().default(6),
});

/** Audio guidance (electron/speech/): which player sounds, where prompts are cached, a site's recorded prompts. */
const SpeechSchema = z
  .object({
    /** `auto`: the first of pw-play, paplay, aplay on the PATH; `none`: no speaker (CI, a kiosk without one). */
    output: z.enum(['auto', 'pw-play', 'paplay', 'aplay', 'none']).default('auto'),
    /** Rendered prompts; by default `speech-cache/` beside the journal. */
    cacheDir: z.string().min(1).optional(),
    cacheMegabytes: z.number().int().min(1).max(4096).default(64),
    /** A site's recorded human prompts (`<dir>/<voice>/<message key>.wav`), played instead of the engine's voice. */
    recordedPromptsDir: z.string().min(1).optional(),
    /** Render every screen's words at start-up, in the background, so they play from the cache. */
    prerender: z.boolean().default(true),
  })
  .strict();

/** The file's fields, each section checked on its own; the rules between sections are below. */
export const KioskConfigFieldsSchema = z
  .object({
    terminal: z.object({
      id: z.string().regex(/^[A-Z0-9-]{3,32}$/, 'upper-case letters, digits and dashes'),
    }),
    site: z.object({
      /** Which kind of centre: the Macau 24-hour centres, or Hengqin (Simplified Chinese offered first). */
      kind: z.enum(['macau', 'hengqin']),
      centreId: z.string().min(1),
      name: localisedText,
    }),
    /**
     * `production` enforces the accessibility minima, requires the signing key and hides the dev dock;
     * `development`/`test` relax them.
     */
    mode: z.enum(['production', 'development', 'test']).default('production'),
    languages: z
      .object({
        offered: z
          .array(LanguageSchema)
          .min(1)
          .default([...languages]),
        default: LanguageSchema.default('zh-Hant'),
      })
      .default({ offered: [...languages], default: 'zh-Hant' }),
    services: z.array(ServiceIdSchema).min(1),
    /** Each device's options are checked with its driver's schema below: a misspelt option stops start-up. */
    devices: z.array(DeviceConfigSchema).default([]),
    timeLimits: TimeLimitsSchema.default({
      idleSeconds: 120,
      warningSeconds: 30,
      maxExtensions: 10,
      attractSlideSeconds: 6,
    }),
    backend: BackendConfigSchema.default({ kind: 'embedded' }),
    speech: SpeechSchema.default({ output: 'auto', cacheMegabytes: 64, prerender: true }),
    journal: z
      .object({
        /** The SQLite journal: print jobs, staff alerts, transactions and the audit log. */
        path: z.string().min(1).default('.balcao/journal.sqlite'),
        /**
         * How long a print job nobody resolved (held for staff, waiting for a printer) keeps the document's bytes
         * before it is voided as `expired` and a staff alert is raised. The bytes are a resident's personal data.
         */
        unresolvedPayloadHours: z.number().min(0.25).max(72).default(4),
      })
      .strict()
      .default({ path: '.balcao/journal.sqlite', unresolvedPayloadHours: 4 }),
    documents: z
      .object({
        /**
         * The terminal's Ed25519 private key (PKCS#8 PEM) that signs proof-of-identity documents. Required in
         * production; in development and test a key is generated at each start when it is absent.
         */
        signingKeyFile: z.string().min(1).optional(),
        /** Font chains for printed documents; the platform's defaults (Noto CJK on Linux) when absent. */
        fonts: FontConfigSchema.optional(),
        /** How much of a document number a printed document shows (first 1 and last 3 by default). */
        documentNumberMask: MaskPolicySchema.optional(),
        /**
         * The CSCA certificates (PEM, one or more per file, or DER) that passive authentication of a chip is checked
         * against: a chip signed by no CSCA of this list is refused. Read and checked at start-up.
         */
        trustAnchors: z.array(z.string().min(1)).default([]),
        /**
         * Development and test only: also trust the CSCA that signs the simulated readers' sample documents.
         * Refused in production, where it would accept a chip anyone can make with this code.
         */
        trustSimulatorCsca: z.boolean().default(false),
      })
      .strict()
      .default({ trustAnchors: [], trustSimulatorCsca: false }),
    /** Staff sign-in for maintenance: the staff-badge keys, the staff session's idle limit, PIN lock-out. */
    staff: StaffConfigSchema.default(defaultStaffConfig),
    /** Recent log lines for staff and the support bundle; where bundles are written. */
    maintenance: MaintenanceConfigSchema.default(defaultMaintenanceConfig),
    /** The state reports the kiosk sends the backend. */
    heartbeat: HeartbeatConfigSchema.default(defaultHeartbeatConfig),
    /** Present on a Smart Locker station: its locker point, trusted issuers, doors and limits. */
    lockerStation: LockerStationConfigSchema.optional(),
  })
  .strict();
type KioskConfigFields = z.infer<typeof KioskConfigFieldsSchema>;

/**
 * The sections a cross-field rule may read. When the file has other problems, a section that failed its own
 * check is absent and each device that failed is `undefined`: the rules still check what they can, so one run
 * reports every problem (zod skips refinements of an object whose fields failed).
 */
export interface ConfigSections {
  mode?: KioskConfigFields['mode'];
  timeLimits?: KioskConfigFields['timeLimits'];
  languages?: KioskConfigFields['languages'];
  devices?: readonly (DeviceConfig | undefined)[];
  documents?: KioskConfigFields['documents'];
  staff?: KioskConfigFields['staff'];
  backend?: KioskConfigFields['backend'];
  journal?: KioskConfigFields['journal'];
  services?: KioskConfigFields['services'];
  lockerStation?: KioskConfigFields['lockerStation'];
  /** The file has a `lockerStation` section, even one that failed its own check (then only that is reported). */
  lockerStationGiven?: boolean;
}

export interface ConfigIssue {
  path: (string | number)[];
  message: string;
}

/** The rules that involve more than one field. */
export function crossFieldIssues(config: ConfigSections): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const limits = config.timeLimits;
  if (limits && limits.warningSeconds >= limits.idleSeconds) {
    issues.push({
      path: ['timeLimits', 'warningSeconds'],
      message: 'must be shorter than timeLimits.idleSeconds',
    });
  }
  if (config.mode === 'production') {
    if (limits && limits.warningSeconds < 20)
      issues.push({
        path: ['timeLimits', 'warningSeconds'],
        message: 'must be at least 20 s in production (WCAG 2.2.1)',
      });
    if (limits && limits.maxExtensions < 10)
      issues.push({
        path: ['timeLimits', 'maxExtensions'],
        message: 'must be at least 10 in production (WCAG 2.2.1)',
      });
    // Without its own key a terminal signs with a key made at start-up: no verifier knows it, and after a
    // restart nobody can check a document it printed.
    if (config.documents && config.documents.signingKeyFile === undefined)
      issues.push({
        path: ['documents', 'signingKeyFile'],
        message:
          'is required in production: the terminal\'s Ed25519 key file, made with "balcao new-signing-key"',
      });
    if (config.staff) issues.push(...staffConfigIssues(config.staff));
    if (config.documents?.trustSimulatorCsca)
      issues.push({
        path: ['documents', 'trustSimulatorCsca'],
        message: 'is refused in production: anyone with this code can make a chip the simulator CSCA signs',
      });
    const reads = config.devices?.some((device) => device?.kind === 'document-reader');
    if (reads && config.documents && config.documents.trustAnchors.length === 0)
      issues.push({
        path: ['documents', 'trustAnchors'],
        message:
          'needs at least one CSCA certificate in production when a document reader is configured: without one no chip can be verified',
      });
    const backend = config.backend;
    if (
      backend?.kind === 'http' &&
      (!backend.baseUrl.startsWith('https:') || backend.tls?.certFile === undefined)
    )
      issues.push({
        path: ['backend'],
        message: 'in production the backend is reached over https with a client certificate (tls.certFile)',
      });
  }
  if (config.backend?.kind === 'embedded' && config.journal && config.backend.path === config.journal.path) {
    issues.push({
      path: ['backend', 'path'],
      message: 'the embedded backend needs its own file, never the journal',
    });
  }
  const languages = config.languages;
  if (languages && !languages.offered.includes(languages.default)) {
    issues.push({ path: ['languages', 'default'], message: 'must be one of languages.offered' });
  }
  const ids = new Set<string>();
  const wellConfigured: DeviceConfig[] = [];
  config.devices?.forEach((device, i) => {
    if (device === undefined) return;
    if (ids.has(device.id))
      issues.push({ path: ['devices', i, 'id'], message: `duplicate device id "${device.id}"` });
    ids.add(device.id);
    if (
      (device.transport === 'usb' || device.transport === 'hid') &&
      (device.vendorId === undefined || device.productId === undefined)
    ) {
      issues.push({ path: ['devices', i], message: 'a usb or hid device needs vendorId and productId' });
    }
    // The options are free-form to the device list; the driver that kind and transport choose decides which it
    // takes, so an unknown or misspelt one stops start-up instead of the driver falling back to a default.
    const optionProblems = deviceOptionsProblems(device.kind, device.transport, device.options);
    for (const problem of optionProblems) {
      issues.push({ path: ['devices', i, 'options', ...problem.path], message: problem.message });
    }
    if (optionProblems.length === 0 && device.kind === 'document-dispenser')
      issues.push(...dispenserIssues(device, ['devices', i]));
    if (optionProblems.length === 0) wellConfigured.push(device);
  });
  // Doors are looked up only in devices whose options are valid: a broken one is reported above, once.
  issues.push(...lockerStationIssues({ ...config, devices: wellConfigured }));
  return issues;
}

/** A serial dispenser (its options already valid) must say where its adapter is: a path, or the adapter's ids. */
function dispenserIssues(device: DeviceConfig, path: (string | number)[]): ConfigIssue[] {
  if (
    device.transport === 'serial' &&
    device.options.path === undefined &&
    (device.vendorId === undefined || device.productId === undefined)
  )
    return [{ path, message: 'a serial dispenser needs options.path, or vendorId and productId' }];
  return [];
}

/** The sections of a raw file that pass their own checks (devices one by one), for `crossFieldIssues`. */
export function parsableSections(raw: unknown): ConfigSections {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  const file = raw as Record<string, unknown>;
  const shape = KioskConfigFieldsSchema.shape;
  const section = <S extends z.ZodType>(schema: S, value: unknown): z.infer<S> | undefined => {
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : undefined;
  };
  return {
    mode: section(shape.mode, file.mode),
    timeLimits: section(shape.timeLimits, file.timeLimits),
    languages: section(shape.languages, file.languages),
    devices: Array.isArray(file.devices)
      ? file.devices.map((device) => section(DeviceConfigSchema, device))
      : section(shape.devices, file.devices),
    documents: section(shape.documents, file.documents),
    staff: section(shape.staff, file.staff),
    backend: section(shape.backend, file.backend),
    journal: section(shape.journal, file.journal),
    services: section(shape.services, file.services),
    lockerStation: section(shape.lockerStation, file.lockerStation),
    lockerStationGiven: file.lockerStation !== undefined,
  };
}

export const KioskConfigSchema = KioskConfigFieldsSchema.superRefine((config, ctx) => {
  for (const issue of crossFieldIssues(config)) ctx.addIssue({ code: 'custom', ...issue });
});

export type KioskConfig = z.infer<typeof KioskConfigSchema>;
export type LocalisedText = z.infer<typeof localisedText>;
