import { describe, expect, it } from 'vitest';
import { findPersonalField, isPersonalField } from './personal_fields.js';
import { redactPersonalData } from './redaction.js';

/** The fields issue #8 names, and those the journal listed before the two lists became one. */
const personal = [
  'name',
  'holderName',
  'documentNumber',
  'dateOfBirth',
  'birthDate',
  'mrz',
  'pin',
  'address',
  'surname',
  'givenNames',
  'fullName',
  'idNumber',
  'passportNumber',
  'permitNumber',
  'phone',
  'email',
  'photo',
  'portrait',
  'signature',
  'nationality',
  'sex',
  'gender',
];

describe('the one list of personal field names', () => {
  it('treats field names without regard to case, underscores or dashes', () => {
    for (const key of [
      'Name',
      'date_of_birth',
      'DOCUMENT-NUMBER',
      'nameOnDocument',
      'faceImage',
      'qrText',
      'PIN',
    ])
      expect(isPersonalField(key), key).toBe(true);
    for (const key of ['jobId', 'printerId', 'state', 'reason', 'template', 'deviceId', 'sessionId', 'code'])
      expect(isPersonalField(key), key).toBe(false);
  });

  it('is what the logger redacts and what the journal refuses, name for name', () => {
    for (const key of personal) {
      expect(isPersonalField(key), key).toBe(true);
      expect(redactPersonalData({ [key]: 'x' })[key], key).toBe('[redacted]');
      expect(findPersonalField({ kind: 'k', detail: { [key]: 'x' } }), key).toBe(`detail.${key}`);
    }
  });

  it('finds the first personal field at any depth, through arrays, and names its path', () => {
    expect(findPersonalField({ jobId: 1, reason: 'paper out' })).toBeUndefined();
    expect(findPersonalField({ a: [{ b: 1 }, { c: { holder_name: 'x' } }] })).toBe('a.1.c.holder_name');
    expect(findPersonalField({ pin: '1234' })).toBe('pin');
    expect(findPersonalField('pin')).toBeUndefined();
    expect(findPersonalField(null)).toBeUndefined();
  });
});
