import { describe, expect, it } from 'vitest';
import { mrzCommand } from './cli_commands.js';

const today = new Date('2026-11-27T00:00:00Z');

describe('balcao mrz', () => {
  it('decodes a valid TD3 with every check digit and exit code 0', () => {
    const { json, exitCode } = mrzCommand(
      ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'],
      today,
    );
    expect(exitCode).toBe(0);
    expect(json).toMatchObject({
      valid: true,
      format: 'TD3',
      documentCode: 'P',
      documentNumber: 'L898902C3',
      birthDate: { raw: '740812', iso: '1974-08-12' },
      sex: 'female',
      name: { full: 'ERIKSSON ANNA MARIA' },
      bacMrzInformation: 'L898902C3674081221204159',
      problems: [],
    });
    expect((json as { checkDigits: unknown[] }).checkDigits).toHaveLength(5);
  });

  it('accepts the lines as one argument with line breaks (TD1)', () => {
    const text =
      'I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<\n';
    expect(mrzCommand([text], today)).toMatchObject({ exitCode: 0, json: { valid: true, format: 'TD1' } });
  });

  it('exit code 1 and the failing field when a check digit is wrong', () => {
    const { json, exitCode } = mrzCommand(
      ['I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'D231458908UTO7408122F1204159<<<<<<<6'],
      today,
    );
    expect(exitCode).toBe(1);
    expect(json).toMatchObject({
      valid: false,
      checkDigits: [
        { field: 'documentNumber', printed: '8', computed: 7, valid: false },
        {},
        {},
        { field: 'composite', valid: false },
      ],
      bacMrzInformation: null,
    });
  });

  it('prints whether the document has expired on the given day, and a digit in a name as a named problem', () => {
    const specimen = [
      'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<',
      'L898902C36UTO7408122F1204159ZE184226B<<<<<10',
    ];
    expect(mrzCommand(specimen, today)).toMatchObject({
      exitCode: 0,
      json: { valid: true, expiryDate: { iso: '2012-04-15' }, expired: true },
    });
    expect(mrzCommand(specimen, new Date('2012-04-15T00:00:00Z')).json).toMatchObject({ expired: false });
    const digitInName = [specimen[0]!.replace('ANNA', 'ANN4'), specimen[1]!];
    expect(mrzCommand(digitInName, today)).toMatchObject({
      exitCode: 1,
      json: {
        valid: false,
        problems: [{ code: 'letters-expected', field: 'name' }],
        bacMrzInformation: null,
      },
    });
  });

  it('exit code 2 when the input is not an MRZ layout', () => {
    expect(mrzCommand(['HELLO'], today)).toEqual({
      exitCode: 2,
      json: { valid: false, problems: [{ code: 'wrong-line-count', got: 1 }] },
    });
  });
});
