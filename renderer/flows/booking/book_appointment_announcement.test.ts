import { describe, expect, it } from 'vitest';
import { bookAppointmentViews } from '../../../test/support/booking_views.js';
import { bookAppointmentAnnouncement } from './book_appointment_announcement.js';
import { bookingFormat } from './booking_format.js';

const f = bookingFormat('zh-Hant');
const keys = (prompts: { key: string }[]) => prompts.map((p) => p.key);
const search = { service: 'book-appointment', step: 'search', site: 'macau' } as const;
// A search view of the sample data with a result: the service it found.
const found = bookAppointmentViews.flatMap((v) => (v.step === 'search' ? v.results : []));

describe('book an appointment: what audio guidance says on the search step', () => {
  it('says what the search found once something is typed, pinyin still being composed included', () => {
    expect(keys(bookAppointmentAnnouncement({ ...search, query: '', results: [] }, f))).toEqual([
      'book-appointment:search.title',
      'booking.keys.search',
    ]);
    // Nothing typed in the field yet, only pinyin: what it found is said, as for typed text.
    const composing = { ...search, query: '', composing: 'xuqi', candidates: ['續期'], results: found };
    expect(bookAppointmentAnnouncement(composing, f)).toContainEqual({
      key: 'book-appointment:services.lead',
      values: { count: found.length },
    });
    expect(keys(bookAppointmentAnnouncement({ ...search, query: 'qqq', results: [] }, f))).toContain(
      'book-appointment:search.none',
    );
  });
});
