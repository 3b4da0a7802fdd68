import { z } from 'zod';
import { LanguageSchema } from '../language_schema.js';
import { type DomainMethods, noParams } from '../method_spec.js';
import { ServiceIdSchema } from '../service_id_schema.js';
import { IntentResultSchema } from './intent_result.js';

/**
 * The home flow, where every session begins: the resident picks a language, then a service, and reads what the
 * service needs (its intro). State machine: electron/flows/home/home_flow.ts; screens: renderer/flows/home/.
 *
 *   language ──chooseLanguage──► services ──openService──► service-intro ──backToServices──► services
 *                                                             └──startService──► the service's own flow
 */
export const HomeFlowViewSchema = z.discriminatedUnion('step', [
  z.object({ service: z.literal('home'), step: z.literal('language') }),
  z.object({ service: z.literal('home'), step: z.literal('services') }),
  z.object({ service: z.literal('home'), step: z.literal('service-intro'), about: ServiceIdSchema }),
]);
export type HomeFlowView = z.infer<typeof HomeFlowViewSchema>;
export type HomeStep = HomeFlowView['step'];

export const homeFlowMethods = {
  'home.chooseLanguage': {
    params: z.object({ language: LanguageSchema }).strict(),
    result: IntentResultSchema,
  },
  'home.openService': { params: z.object({ service: ServiceIdSchema }).strict(), result: IntentResultSchema },
  'home.backToServices': { params: noParams, result: IntentResultSchema },
  /** "Start" on a service's intro: the resident enters the service's flow (those whose flow is in this release). */
  'home.startService': { params: noParams, result: IntentResultSchema },
} as const satisfies DomainMethods<'home'>;
