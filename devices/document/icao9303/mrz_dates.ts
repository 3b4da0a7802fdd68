/**
 * MRZ dates are YYMMDD with no century. Birth dates are placed in the latest century that keeps them on or before
 * `today`; expiry dates in the century that puts them no further than `expiryYearsAhead` years after `today`
 * (an expired document then reads as expired, not as a century in the future).
 * 9303 allows `<<` for an unknown month or day of birth; such a date keeps its year and has no ISO form.
 * A document is valid through its expiry date and expired from the day after, `today` taken as a UTC date.
 */

export interface MrzDate {
  /** The six characters as printed. */
  readonly raw: string;
  readonly year: number;
  readonly month: number | undefined;
  readonly day: number | undefined;
  /** `YYYY-MM-DD` when the date is complete. */
  readonly iso: string | undefined;
}

export type MrzDateKind = 'birth' | 'expiry';

export interface CenturyOptions {
  readonly today: Date;
  /** How far into the future an expiry date may lie; default 50 years. */
  readonly expiryYearsAhead?: number;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoOf(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Parse a YYMMDD field; undefined when it is not a possible date. */
export function parseMrzDate(raw: string, kind: MrzDateKind, options: CenturyOptions): MrzDate | undefined {
  if (!/^\d{2}(\d{2}|<<)(\d{2}|<<)$/.test(raw)) return undefined;
  const yy = Number(raw.slice(0, 2));
  const month = raw.slice(2, 4) === '<<' ? undefined : Number(raw.slice(2, 4));
  const day = raw.slice(4, 6) === '<<' ? undefined : Number(raw.slice(4, 6));
  if (month === undefined && day !== undefined) return undefined;
  if (kind === 'expiry' && (month === undefined || day === undefined)) return undefined;
  if (month !== undefined && (month < 1 || month > 12)) return undefined;

  const todayIso = isoOf(
    options.today.getUTCFullYear(),
    options.today.getUTCMonth() + 1,
    options.today.getUTCDate(),
  );
  const currentCentury = Math.floor(options.today.getUTCFullYear() / 100) * 100;
  let year = currentCentury + yy;
  if (kind === 'birth') {
    const comparable = isoOf(year, month ?? 1, day ?? 1);
    if (comparable > todayIso) year -= 100;
  } else {
    const limit = options.today.getUTCFullYear() + (options.expiryYearsAhead ?? 50);
    if (year > limit) year -= 100;
    else if (year + 100 <= limit) year += 100;
  }
  if (month !== undefined && day !== undefined && (day < 1 || day > daysInMonth(year, month)))
    return undefined;
  const iso = month !== undefined && day !== undefined ? isoOf(year, month, day) : undefined;
  return { raw, year, month, day, iso };
}

/** True when `today` is past the expiry date; undefined when the expiry date could not be read. */
export function isExpired(expiry: MrzDate | undefined, today: Date): boolean | undefined {
  if (expiry?.iso === undefined) return undefined;
  return expiry.iso < isoOf(today.getUTCFullYear(), today.getUTCMonth() + 1, today.getUTCDate());
}
