import { z } from 'zod';

/**
 * A name in the four languages (a centre, a service, a document's title). Its own module: the kiosk snapshot and
 * the flows' views both use it, and the snapshot's module imports the flows' (through the session view), so
 * defining it there made a cycle that left it undefined when a flow contract loaded first.
 */
export const LocalisedTextSchema = z.object({
  'zh-Hant': z.string(),
  'zh-Hans': z.string(),
  pt: z.string(),
  en: z.string(),
});
