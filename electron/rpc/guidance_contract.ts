import { z } from 'zod';
import { keypadKeys } from '../../devices/keypad/index.js';
import type { Result } from '../../lib/result.js';
import { LanguageSchema, LocalisedTextSchema } from './language_schema.js';
import { type DomainEvents, type DomainMethods, noParams, resultSchema } from './method_spec.js';

/**
 * The resident's bearings when they cannot see the screen well: audio guidance (`speech.*`), the tactile keypad's
 * keys (`keypad.key`), and Help's call for staff (`help.*`). The main process speaks (electron/speech/); screens say
 * *what* to speak as message keys of the locale files, never as text, so every word comes from locales/ and tests
 * can follow what was said by key.
 */

/** The session's audio guidance settings (part of `SessionView.accessibility`). */
export const AudioSettingsSchema = z.object({
  on: z.boolean(),
  /** 1 (quiet) to 10 (loud), 3 dB a step. */
  volume: z.number().int().min(1).max(10),
  /** Speaking rate in percent of the normal rate, in steps of 25. */
  rate: z.number().int().min(50).max(200).multipleOf(25),
  /**
   * The Chinese the kiosk speaks: `auto` follows the screen (Cantonese for Traditional, Mandarin for Simplified);
   * `yue` or `cmn` keeps one whatever the script (a Cantonese speaker at a Hengqin kiosk).
   */
  voice: z.enum(['auto', 'yue', 'cmn']),
});
export type AudioSettings = z.infer<typeof AudioSettingsSchema>;

/**
 * A message key of the locale files: bare for `speech`, then `a11y`, then `common` (`services.keys`), or named with
 * a flow's namespace as its screen names it (`home:services.title`).
 */
export const MessageKeySchema = z
  .string()
  .max(96)
  .regex(
    /^([a-z][\w-]*:)?[A-Za-z][\w-]*(\.[\w-]+)*$/,
    'a dotted message key, with its namespace if a flow’s',
  );

/**
 * A value a spoken message fills in: a number (plural forms follow it), a short verbatim text (a queue number, a
 * slot time), a name in all four languages (the centre's), or another message by key (a service's title).
 */
export const SpokenValueSchema = z.union([
  z.number().finite(),
  z.string().max(120),
  z.object({ text: LocalisedTextSchema.strict() }).strict(),
  z.object({ key: MessageKeySchema }).strict(),
]);
export type SpokenValue = z.infer<typeof SpokenValueSchema>;

export const PromptSchema = z
  .object({
    key: MessageKeySchema,
    values: z
      .record(z.string().regex(/^[A-Za-z]\w{0,31}$/), SpokenValueSchema)
      .refine((values) => Object.keys(values).length <= 8, 'at most 8 values')
      .optional(),
    /** Spoken in this language instead of the session's (the language screen names each language in itself). */
    language: LanguageSchema.optional(),
  })
  .strict();
export type Prompt = z.infer<typeof PromptSchema>;

/** Why nothing is said. `silent`: audio guidance is off (or no session and no keypad press asked for it). */
export const SayRefusalSchema = z.union([
  z.object({ code: z.literal('silent') }).strict(),
  z.object({ code: z.literal('unknown-message'), key: z.string() }).strict(),
]);
export type SayRefusal = z.infer<typeof SayRefusalSchema>;

/** How many prompts were queued, or why none was. */
export const SayResultSchema = resultSchema(
  z.object({ queued: z.number().int().nonnegative() }).strict(),
  SayRefusalSchema,
);
export type SayResult = Result<{ queued: number }, SayRefusal>;

export const speechMethods = {
  /**
   * Speaks `prompts` in order: `replace` stops what is being said (a new screen, a focus move), `append` adds to it.
   * Refused as a value when audio guidance is off, or when a key is not in the locale files.
   */
  'speech.say': {
    params: z
      .object({ prompts: z.array(PromptSchema).min(1).max(48), mode: z.enum(['replace', 'append']) })
      .strict(),
    result: SayResultSchema,
  },
} as const satisfies DomainMethods<'speech'>;

export const CallStaffRefusalSchema = z.enum(['no-session', 'already-called']);

/** Staff are called (no value), or why not. */
export const CallStaffResultSchema = resultSchema(z.undefined().optional(), CallStaffRefusalSchema);
export type CallStaffRefusal = z.infer<typeof CallStaffRefusalSchema>;
export type CallStaffResult = Result<undefined, CallStaffRefusal>;

export const helpMethods = {
  /** The resident asks for a member of staff: a staff alert naming the terminal and the step (nothing personal). */
  'help.callStaff': { params: noParams, result: CallStaffResultSchema },
} as const satisfies DomainMethods<'help'>;

export const SpokenPromptRecordSchema = z.object({
  key: z.string(),
  language: LanguageSchema,
  /** Where the audio came from: a site's recording, the cache, or the engine just now. */
  source: z.enum(['recorded', 'cache', 'engine']),
  /** When its first sample went to the speaker (the kiosk's clock, ms since the epoch). */
  at: z.number(),
});
export type SpokenPromptRecord = z.infer<typeof SpokenPromptRecordSchema>;

export const guidanceDevMethods = {
  /** The message keys audio guidance has started to play, oldest first (tests follow speech without listening). */
  'dev.spokenPrompts': { params: noParams, result: z.array(SpokenPromptRecordSchema) },
  /** Forgets the prompts spoken so far; answers how many were forgotten. */
  'dev.clearSpokenPrompts': {
    params: noParams,
    result: z.object({ cleared: z.number().int().nonnegative() }).strict(),
  },
} as const satisfies DomainMethods<'dev'>;

export const KeypadKeyEventSchema = z.object({
  key: z.enum(keypadKeys),
  /** This press only woke audio guidance up (its first press): it announces the screen and does nothing else. */
  wake: z.boolean(),
});
export type KeypadKeyEvent = z.infer<typeof KeypadKeyEventSchema>;

export const guidanceEvents = {
  /** A key of the tactile keypad went down (volume keys are handled in the main process and not sent). */
  'keypad.key': KeypadKeyEventSchema,
} as const satisfies DomainEvents;
