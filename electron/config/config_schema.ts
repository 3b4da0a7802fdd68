import { z } from 'zod';
import { DeviceConfigSchema } from '../../devices/device_config.js';
import { FontConfigSchema } from '../printed/fonts/font_config.js';
import { MaskPolicySchema } from '../printed/templates/document_number_mask.js';
import { LanguageSchema } from '../rpc/language_schema.js';
import { languages } from '../rpc/languages.js';
import { ServiceIdSchema } from '../rpc/service_id_schema.js';

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

const BackendSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('embedded') }),
  z.object({
    kind: z.literal('http'),
    baseUrl: z.url(),
    timeoutMs: z.number().int().positive().default(8000),
  }),
]);

export const KioskConfigSchema = z
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
    /** `production` enforces the accessibility minima and hides the dev dock; `development`/`test` relax them. */
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
    devices: z.array(DeviceConfigSchema).default([]),
    timeLimits: TimeLimitsSchema.default({
      idleSeconds: 120,
      warningSeconds: 30,
      maxExtensions: 10,
      attractSlideSeconds: 6,
    }),
    backend: BackendSchema.default({ kind: 'embedded' }),
    speech: SpeechSchema.default({ output: 'auto', cacheMegabytes: 64, prerender: true }),
    journal: z.object({ path: z.string().min(1) }).default({ path: '.balcao/journal.sqlite' }),
    documents: z
      .object({
        /**
         * The terminal's Ed25519 private key (PKCS#8 PEM) that signs proof-of-identity documents. Without it, a key
         * is generated at each start: fine for development, useless for verification after a restart.
         */
        signingKeyFile: z.string().min(1).optional(),
        /** Font chains for printed documents; the platform's defaults (Noto CJK on Linux) when absent. */
        fonts: FontConfigSchema.optional(),
        /** How much of a document number a printed document shows (first 1 and last 3 by default). */
        documentNumberMask: MaskPolicySchema.optional(),
      })
      .strict()
      .default({}),
  })
  .strict()
  .superRefine((config, ctx) => {
    const limits = config.timeLimits;
    if (limits.warningSeconds >= limits.idleSeconds) {
      ctx.addIssue({
        code: 'custom',
        path: ['timeLimits', 'warningSeconds'],
        message: 'must be shorter than timeLimits.idleSeconds',
      });
    }
    if (config.mode === 'production') {
      if (limits.warningSeconds < 20)
        ctx.addIssue({
          code: 'custom',
          path: ['timeLimits', 'warningSeconds'],
          message: 'must be at least 20 s in production (WCAG 2.2.1)',
        });
      if (limits.maxExtensions < 10)
        ctx.addIssue({
          code: 'custom',
          path: ['timeLimits', 'maxExtensions'],
          message: 'must be at least 10 in production (WCAG 2.2.1)',
        });
    }
    if (!config.languages.offered.includes(config.languages.default)) {
      ctx.addIssue({
        code: 'custom',
        path: ['languages', 'default'],
        message: 'must be one of languages.offered',
      });
    }
    const ids = new Set<string>();
    config.devices.forEach((device, i) => {
      if (ids.has(device.id))
        ctx.addIssue({
          code: 'custom',
          path: ['devices', i, 'id'],
          message: `duplicate device id "${device.id}"`,
        });
      ids.add(device.id);
      if (
        device.transport !== 'simulated' &&
        (device.vendorId === undefined || device.productId === undefined)
      ) {
        ctx.addIssue({
          code: 'custom',
          path: ['devices', i],
          message: 'a usb or hid device needs vendorId and productId',
        });
      }
    });
  });

export type KioskConfig = z.infer<typeof KioskConfigSchema>;
export type LocalisedText = z.infer<typeof localisedText>;
