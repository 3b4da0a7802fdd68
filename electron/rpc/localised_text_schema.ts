import { z } from 'zod';

/**
 * A text in the kiosk's four languages (a site's name, a service's or a centre's), carried whole so the screen can
 * switch language without asking again. Its own module so that any contract module can use it without importing
 * another domain's (kiosk_contract.ts → session_contract.ts → the flows would be a cycle).
 */
export const LocalisedTextSchema = z.object({
  'zh-Hant': z.string(),
  'zh-Hans': z.string(),
  pt: z.string(),
  en: z.string(),
});
export type LocalisedText = z.infer<typeof LocalisedTextSchema>;
