import { describe, expect, it } from 'vitest';
import { createI18n } from '../../i18n/i18n.js';
import { byCount } from './by_count.js';

describe('byCount', () => {
  it('says each count as the message does, working each count out once', () => {
    const asked: number[] = [];
    const t = createI18n('en').getFixedT('en', 'booking');
    const places = byCount((count) => {
      asked.push(count);
      return t('slot.places', { count });
    });
    expect([1, 2, 1, 2, 3].map(places)).toEqual([
      '1 place left',
      '2 places left',
      '1 place left',
      '2 places left',
      '3 places left',
    ]);
    expect(asked).toEqual([1, 2, 3]);
  });

  it('keeps each language’s plural forms (Portuguese: one for 1, another for 2)', () => {
    const t = createI18n('pt').getFixedT('pt', 'booking');
    const free = byCount((count) => t('date.free', { count }));
    expect([1, 2].map(free)).toEqual([t('date.free', { count: 1 }), t('date.free', { count: 2 })]);
    expect(free(1)).not.toBe(free(2));
  });
});
