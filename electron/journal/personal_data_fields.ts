/**
 * Field names that carry a resident's personal data. The journal refuses a record holding any of them, at any
 * depth: the journal keeps ids, states and reasons only (personal data lives for one session, in memory).
 *
 * Matching ignores case and separators (`date_of_birth`, `dateOfBirth` and `DATE-OF-BIRTH` are one name), so a
 * field cannot slip through by being spelt differently.
 */
const personalFieldNames = [
  'name',
  'names',
  'surname',
  'givenNames',
  'holderName',
  'nameChinese',
  'nameOnDocument',
  'fullName',
  'documentNumber',
  'idNumber',
  'passportNumber',
  'permitNumber',
  'dateOfBirth',
  'birthDate',
  'birth',
  'mrz',
  'pin',
  'address',
  'phone',
  'email',
  'face',
  'photo',
  'portrait',
  'signature',
  'nationality',
  'sex',
  'gender',
] as const;

const normalise = (field: string): string => field.toLowerCase().replace(/[^a-z0-9]/g, '');
const personal = new Set(personalFieldNames.map(normalise));

/** The path of the first field whose name is personal data (e.g. `detail.holderName`), if any. */
export function findPersonalDataField(value: unknown, path = ''): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, inner] of Object.entries(value)) {
    const here = path ? `${path}.${key}` : key;
    if (!Array.isArray(value) && personal.has(normalise(key))) return here;
    const found = findPersonalDataField(inner, here);
    if (found) return found;
  }
  return undefined;
}
