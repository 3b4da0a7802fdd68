import { z } from 'zod';
import { languages } from './languages.js';

/** The languages as a zod schema, for the contract and the configuration. */
export const LanguageSchema = z.enum(languages);
