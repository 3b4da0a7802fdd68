/**
 * The MRZ name field: `PRIMARY<<SECONDARY<NAMES<<<…`. A single `<` separates name parts, `<<` separates the
 * primary identifier from the secondary one, trailing fillers pad the field. A field that ends in a letter may
 * have been truncated by the issuer (9303 Part 3 §4.6), which is worth showing staff.
 */

export interface MrzName {
  /** Primary identifier (surname), fillers turned into spaces. */
  readonly primary: string;
  /** Secondary identifier (given names), fillers turned into spaces; empty when absent. */
  readonly secondary: string;
  /** One readable string, primary first as on the document: `ERIKSSON ANNA MARIA`. */
  readonly full: string;
  /** True when the field is completely filled, so the issuer may have cut the name short. */
  readonly possiblyTruncated: boolean;
}

function readable(part: string): string {
  return part
    .split('<')
    .filter((word) => word.length > 0)
    .join(' ');
}

export function parseMrzName(field: string): MrzName {
  const separator = field.indexOf('<<');
  const primaryRaw = separator === -1 ? field : field.slice(0, separator);
  const secondaryRaw = separator === -1 ? '' : field.slice(separator + 2);
  const primary = readable(primaryRaw);
  const secondary = readable(secondaryRaw);
  const full = [primary, secondary].filter((s) => s.length > 0).join(' ');
  return { primary, secondary, full, possiblyTruncated: field.length > 0 && !field.endsWith('<') };
}
