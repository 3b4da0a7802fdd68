import { z } from 'zod';
import { FlowViewSchema } from './flow_contract.js';
import { AudioSettingsSchema } from './guidance_contract.js';
import { LanguageSchema } from './language_schema.js';
import { type DomainEvents, type DomainMethods, noParams } from './method_spec.js';

/**
 * The resident's session, owned by the main process (electron/services/session_service.ts): its language, its
 * display settings, the idle warning, and the flow step it is on. The renderer draws whatever the view says, so
 * a reload or a reconnect redraws the same step with the same settings.
 */

export const AccessibilitySchema = z.object({
  highContrast: z.boolean(),
  largeText: z.boolean(),
  /** Audio guidance (electron/speech/): turned on from the accessibility panel or by a tactile keypad's key. */
  audio: AudioSettingsSchema,
});
export type Accessibility = z.infer<typeof AccessibilitySchema>;
/** A change of settings: a field left out keeps its value (in `audio` too). */
export const AccessibilityChangeSchema = z
  .object({
    highContrast: z.boolean().optional(),
    largeText: z.boolean().optional(),
    audio: AudioSettingsSchema.partial().strict().optional(),
  })
  .strict();
export type AccessibilityChange = z.infer<typeof AccessibilityChangeSchema>;

export const SessionViewSchema = z.discriminatedUnion('phase', [
  z.object({ phase: z.literal('attract') }),
  z.object({
    phase: z.literal('active'),
    sessionId: z.string(),
    language: LanguageSchema,
    accessibility: AccessibilitySchema,
    /** The flow and step the resident is on. */
    flow: FlowViewSchema,
    /** Present while "Need more time?" shows. */
    warning: z.object({ secondsLeft: z.number().int().nonnegative() }).nullable(),
    extensionsLeft: z.number().int().nonnegative(),
  }),
]);
export type SessionView = z.infer<typeof SessionViewSchema>;
export type ActiveSessionView = Extract<SessionView, { phase: 'active' }>;

export const SessionEndReasonSchema = z.enum(['done', 'cancelled', 'timeout', 'out-of-service']);
export type SessionEndReason = z.infer<typeof SessionEndReasonSchema>;

export const sessionMethods = {
  /** Starts a session on the home flow's language step (a second start keeps the running one). */
  'session.start': { params: z.object({ language: LanguageSchema }).strict(), result: SessionViewSchema },
  /** The language switch, on any step. */
  'session.setLanguage': {
    params: z.object({ language: LanguageSchema }).strict(),
    result: SessionViewSchema,
  },
  /** High contrast, large text and audio guidance, for this resident only; a field left out keeps its value. */
  'session.setAccessibility': { params: AccessibilityChangeSchema, result: SessionViewSchema },
  /** The resident touched the screen: the idle timer starts again (ignored while the warning shows). */
  'session.touch': { params: noParams, result: SessionViewSchema },
  /** "Continue" on the idle warning. */
  'session.extend': { params: noParams, result: SessionViewSchema },
  'session.end': {
    params: z.object({ reason: z.enum(['done', 'cancelled']) }).strict(),
    result: SessionViewSchema,
  },
} as const satisfies DomainMethods<'session'>;

export const sessionEvents = {
  'session.changed': SessionViewSchema,
  'session.ended': z.object({ reason: SessionEndReasonSchema }),
} as const satisfies DomainEvents;
