import { describe, expect, it } from 'vitest';
import { paperOfJob, paperOfTemplate, templateIds } from './template_ids.js';

describe('what a printed template is called on screen', () => {
  it('every template has its paper; slips and receipts are not tickets', () => {
    expect(templateIds.map((id) => [id, paperOfTemplate[id]])).toEqual([
      ['appointment-slip', 'slip'],
      ['queue-ticket', 'ticket'],
      ['identity-proof', 'document'],
      ['collection-receipt', 'receipt'],
      ['locker-pickup-slip', 'slip'],
      ['publication-receipt', 'receipt'],
      ['locker-application-slip', 'slip'],
      ['locker-pickup-receipt', 'receipt'],
    ]);
  });

  it('a stored template the kiosk no longer knows (a staff test print) is named by its printer', () => {
    expect(paperOfJob('collection-receipt', 'ticket-printer')).toBe('receipt');
    expect(paperOfJob('test-page', 'document-printer')).toBe('document');
    expect(paperOfJob('test-ticket', 'ticket-printer')).toBe('ticket');
  });
});
