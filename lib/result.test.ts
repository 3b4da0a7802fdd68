import { describe, expect, it } from 'vitest';
import { err, mapError, mapResult, ok, type Result, resultBlock, resultBlockSync } from './result.js';

const half = (n: number): Result<number, string> => (n % 2 === 0 ? ok(n / 2) : err(`${n} is odd`));

describe('Result', () => {
  it('is a plain object that survives JSON', () => {
    expect(JSON.parse(JSON.stringify(ok({ a: 1 })))).toEqual({ ok: true, value: { a: 1 } });
    expect(JSON.parse(JSON.stringify(err('x')))).toEqual({ ok: false, error: 'x' });
    expect(ok()).toEqual({ ok: true, value: undefined });
  });

  it('maps the value or the error and leaves the other arm alone', () => {
    expect(mapResult(half(4), (v) => v + 1)).toEqual(ok(3));
    expect(mapResult(half(3), (v) => v + 1)).toEqual(err('3 is odd'));
    expect(mapError(half(3), (e) => e.length)).toEqual(err(8));
    expect(mapError(half(4), (e) => e.length)).toEqual(ok(2));
  });

  it('resultBlock stops at the first failure and returns it', async () => {
    const steps: number[] = [];
    const run = (start: number) =>
      resultBlock<number, string>(async (take) => {
        const a = take(half(start));
        steps.push(a);
        const b = take(half(a));
        steps.push(b);
        return ok(b);
      });
    expect(await run(8)).toEqual(ok(2));
    expect(await run(6)).toEqual(err('3 is odd'));
    expect(steps).toEqual([4, 2, 3]);
  });

  it('resultBlock lets bugs through as exceptions', async () => {
    await expect(
      resultBlock<number, string>(async () => {
        throw new TypeError('bug');
      }),
    ).rejects.toThrow('bug');
    expect(() =>
      resultBlockSync<number, string>(() => {
        throw new RangeError('bug');
      }),
    ).toThrow('bug');
  });

  it('resultBlockSync works the same without promises', () => {
    expect(resultBlockSync<number, string>((take) => ok(take(half(12)) + take(half(2))))).toEqual(ok(7));
    expect(resultBlockSync<number, string>((take) => ok(take(half(5))))).toEqual(err('5 is odd'));
  });
});
