/**
 * The one list of field names that carry a resident's personal data, used by both safety nets:
 * - the logger replaces such a field by `[redacted]`, whatever its value (redaction.ts);
 * - the journal refuses a record holding one, at any depth, before anything is written (the audit log:
 *   electron/journal/audit_log.ts), because the journal keeps ids, states and reasons only.
 * One list, so a name added for one cannot be forgotten by the other.
 *
 * Names are compared without case or separators: `date_of_birth`, `dateOfBirth` and `DATE-OF-BIRTH` are one
 * name, so a field cannot slip through by being spelt differently. It errs towards refusing too much: an id,
 * a state or a code never needs a name like these.
 */

/** A field whose name contains one of these is personal: `holderName`, `surname`, `birthDate`, `faceImage`… */
const personalFieldParts = ['name', 'birth', 'mrz', 'address', 'face', 'portrait', 'photo', 'signature'];

/** And these exact names (normalised): numbers that identify a person, PINs, and what documents are made of. */
const personalFieldNames = new Set([
  'pin',
  'pincode',
  'documentnumber',
  'documentnumbermasked',
  'idnumber',
  'permitnumber',
  'passportnumber',
  'dob',
  'sex',
  'gender',
  'nationality',
  'email',
  'phone',
  'telephone',
  // A document's bytes, a QR's text and an image show the resident's data whatever they are called.
  'payload',
  'bytes',
  'qrtext',
  'image',
]);

const normalise = (field: string): string => field.toLowerCase().replace(/[^a-z0-9]/g, '');

export function isPersonalField(key: string): boolean {
  const normalised = normalise(key);
  return personalFieldNames.has(normalised) || personalFieldParts.some((part) => normalised.includes(part));
}

/** The path of the first field whose name is personal (e.g. `detail.holderName`) at any depth, if any. */
export function findPersonalField(value: unknown, path = ''): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, inner] of Object.entries(value)) {
    const here = path ? `${path}.${key}` : key;
    if (!Array.isArray(value) && isPersonalField(key)) return here;
    const found = findPersonalField(inner, here);
    if (found) return found;
  }
  return undefined;
}
