/**
 * Where the document fonts live. The kiosk's configuration may name its own files; without one, the defaults
 * for the platform apply: Debian's fonts-noto-cjk collections on Linux, the system CJK fonts on Windows.
 * A chain is tried in order for every character, so a name with an HKSCS character that the first face lacks
 * still finds it in the next one.
 */
import { z } from 'zod';

/** One face of a font file; `postscriptName` picks the face inside a collection (.ttc). */
export const FontFileSchema = z.object({
  path: z.string().min(1),
  postscriptName: z.string().min(1).optional(),
});
export type FontFile = z.infer<typeof FontFileSchema>;

/** A typeface in two weights; labels use regular, headings and numbers bold. */
export const FontFaceSchema = z.object({
  name: z.string().min(1),
  regular: FontFileSchema,
  bold: FontFileSchema,
});
export type FontFace = z.infer<typeof FontFaceSchema>;

/** The chains per Chinese script: Traditional (Macau, HKSCS) and Simplified (Hengqin). */
export const FontConfigSchema = z.object({
  traditional: z.array(FontFaceSchema).min(1),
  simplified: z.array(FontFaceSchema).min(1),
});
export type FontConfig = z.infer<typeof FontConfigSchema>;
export type ChineseScript = keyof FontConfig;

const notoDir = '/usr/share/fonts/opentype/noto';
function noto(region: 'hk' | 'tc' | 'sc'): FontFace {
  return {
    name: `Noto Sans CJK ${region.toUpperCase()}`,
    regular: { path: `${notoDir}/NotoSansCJK-Regular.ttc`, postscriptName: `NotoSansCJK${region}-Regular` },
    bold: { path: `${notoDir}/NotoSansCJK-Bold.ttc`, postscriptName: `NotoSansCJK${region}-Bold` },
  };
}
const dejaVu: FontFace = {
  name: 'DejaVu Sans',
  regular: { path: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf' },
  bold: { path: '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf' },
};

/** Debian/Ubuntu with fonts-noto-cjk and fonts-dejavu-core. HK first: it carries the HKSCS forms Macau uses. */
export const linuxFontConfig: FontConfig = {
  traditional: [noto('hk'), noto('tc'), noto('sc'), dejaVu],
  simplified: [noto('sc'), noto('tc'), noto('hk'), dejaVu],
};

const winFonts = 'C:\\Windows\\Fonts';
/**
 * Windows 10/11 system fonts. MingLiU_HKSCS-ExtB carries the HKSCS-2008 supplementary-plane characters that
 * Microsoft JhengHei lacks. Faces are named by PostScript name; check them on the kiosk image.
 */
export const windowsFontConfig: FontConfig = {
  traditional: [
    {
      name: 'Microsoft JhengHei',
      regular: { path: `${winFonts}\\msjh.ttc`, postscriptName: 'MicrosoftJhengHeiRegular' },
      bold: { path: `${winFonts}\\msjhbd.ttc`, postscriptName: 'MicrosoftJhengHeiBold' },
    },
    {
      name: 'MingLiU_HKSCS-ExtB',
      regular: { path: `${winFonts}\\mingliub.ttc`, postscriptName: 'MingLiU_HKSCS-ExtB' },
      bold: { path: `${winFonts}\\mingliub.ttc`, postscriptName: 'MingLiU_HKSCS-ExtB' },
    },
    {
      name: 'Arial',
      regular: { path: `${winFonts}\\arial.ttf` },
      bold: { path: `${winFonts}\\arialbd.ttf` },
    },
  ],
  simplified: [
    {
      name: 'Microsoft YaHei',
      regular: { path: `${winFonts}\\msyh.ttc`, postscriptName: 'MicrosoftYaHei' },
      bold: { path: `${winFonts}\\msyhbd.ttc`, postscriptName: 'MicrosoftYaHei-Bold' },
    },
    {
      name: 'SimSun-ExtB',
      regular: { path: `${winFonts}\\simsunb.ttf` },
      bold: { path: `${winFonts}\\simsunb.ttf` },
    },
    {
      name: 'Arial',
      regular: { path: `${winFonts}\\arial.ttf` },
      bold: { path: `${winFonts}\\arialbd.ttf` },
    },
  ],
};

/** The configured chains if given, else the platform's defaults; `loadFontChain` validates either. */
export function resolveFontConfig(
  configured: FontConfig | undefined,
  platform: NodeJS.Platform = process.platform,
): FontConfig {
  if (configured !== undefined) return configured;
  return platform === 'win32' ? windowsFontConfig : linuxFontConfig;
}
