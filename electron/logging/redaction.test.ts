import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskPersonalText, redactPersonalData } from './redaction.js';

const holder = {
  name: 'CHAN TAI MAN',
  holderName: 'ERIKSSON ANNA MARIA',
  nameChinese: '陳大文',
  documentNumber: '1234567(8)',
  dateOfBirth: '1974-08-12',
  birthDate: '740812',
  mrz: ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'],
  pin: '4321',
  address: 'Rua do Campo 1, Macao',
};
const secrets = [
  'CHAN TAI MAN',
  'ERIKSSON',
  '陳大文',
  '1234567',
  '1974-08-12',
  '740812',
  'L898902C3',
  '4321',
  'Campo',
];

function leaks(value: unknown): string[] {
  const text = JSON.stringify(value);
  return secrets.filter((secret) => text.includes(secret));
}

describe('redaction of personal data in log fields', () => {
  it('redacts personal fields at the top level', () => {
    const out = redactPersonalData({ jobId: 7, ...holder });
    expect(out.jobId).toBe(7);
    expect(out.name).toBe('[redacted]');
    expect(out.pin).toBe('[redacted]');
    expect(leaks(out)).toEqual([]);
  });

  it('redacts them at any depth, inside arrays, Maps, Sets and errors', () => {
    const error = Object.assign(new Error('chip refused'), { holder: { ...holder } });
    const out = redactPersonalData({
      session: { id: 's-1', resident: { identity: { document: holder } } },
      jobs: [{ id: 1, input: holder }, [{ nested: [holder] }]],
      byId: new Map([['a', holder]]),
      seen: new Set([holder]),
      err: error,
    });
    expect(leaks(out)).toEqual([]);
    expect(out).toMatchObject({ session: { id: 's-1' }, err: { type: 'Error', message: 'chip refused' } });
    expect((out.jobs as unknown[])[0]).toEqual({
      id: 1,
      input: expect.objectContaining({ name: '[redacted]' }),
    });
  });

  it('replaces raw bytes anywhere with their length', () => {
    const out = redactPersonalData({
      pdf: new TextEncoder().encode('%PDF-1.7 CHAN TAI MAN'),
      deep: [{ b: Buffer.from('x') }],
    });
    expect(out).toEqual({ pdf: '[redacted: 21 bytes]', deep: [{ b: '[redacted: 1 bytes]' }] });
  });

  it('masks an MRZ, a Macau ID number or a Mainland ID number inside free text and stacks', () => {
    expect(maskPersonalText('bad line P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<< here')).toBe(
      'bad line [redacted: mrz] here',
    );
    expect(maskPersonalText('BIR 1234567(8) refused')).toBe('BIR [redacted: id number] refused');
    expect(maskPersonalText('id 82000019900315001X')).toBe('id [redacted: number]');
    expect(maskPersonalText('job 12 on ticket-printer <busy>')).toBe('job 12 on ticket-printer <busy>');
    const out = redactPersonalData({ err: new Error('cannot parse P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<') });
    expect(JSON.stringify(out)).not.toContain('ERIKSSON');
  });

  it('survives cycles and absurd depth without throwing', () => {
    const loop: Record<string, unknown> = { id: 1 };
    loop.self = loop;
    expect(redactPersonalData({ loop })).toEqual({ loop: { id: 1, self: '[circular]' } });
    let deep: Record<string, unknown> = { name: 'CHAN TAI MAN' };
    for (let i = 0; i < 100; i++) deep = { next: deep };
    expect(JSON.stringify(redactPersonalData(deep))).not.toContain('CHAN');
  });

  it('never lets a personal field through, wherever a random object puts it', () => {
    const personalKey = fc.constantFrom(
      'name',
      'holderName',
      'documentNumber',
      'dateOfBirth',
      'mrz',
      'pin',
      'address',
      'face',
    );
    const secret = fc.constant('SECRET-VALUE-XYZ');
    const tree = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.record({ id: fc.integer() }),
        fc.dictionary(fc.constantFrom('a', 'b', 'job', 'items'), tie('node'), { maxKeys: 3 }),
        fc.array(tie('node'), { maxLength: 3 }),
        fc.tuple(personalKey, secret).map(([key, value]) => ({ [key]: value })),
      ),
    }));
    fc.assert(
      fc.property(tree.node, personalKey, (node, key) => {
        const out = redactPersonalData({ wrapped: node, [key]: 'SECRET-VALUE-XYZ' });
        expect(JSON.stringify(out)).not.toContain('SECRET-VALUE-XYZ');
      }),
    );
  });
});
