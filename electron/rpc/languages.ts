/**
 * The kiosk's four languages, in the order the language screen offers them. Plain data, no zod: the renderer
 * imports this at run time (the contract's schemas stay in the main process).
 */
export const languages = ['zh-Hant', 'zh-Hans', 'pt', 'en'] as const;
export type Language = (typeof languages)[number];
