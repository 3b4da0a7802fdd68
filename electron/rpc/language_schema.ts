import { z } from 'zod';
import { languages } from './languages.js';

/** The languages as a zod schema, for the contract and the configuration. */
export const LanguageSchema = z.enum(languages);

/** A text in all four languages (a centre's name): the language that speaks or shows it picks its own. */
export const LocalisedTextSchema = z.object({
  'zh-Hant': z.string(),
  'zh-Hans': z.string(),
  pt: z.string(),
  en: z.string(),
});
