import { z } from 'zod';

/** The kiosk's four languages, in the order the language screen offers them. */
export const languages = ['zh-Hant', 'zh-Hans', 'pt', 'en'] as const;
export const LanguageSchema = z.enum(languages);
export type Language = z.infer<typeof LanguageSchema>;
