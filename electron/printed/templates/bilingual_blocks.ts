/**
 * The pieces every template shares, laid out the way Macau's government prints bilingual slips: the resident's
 * language first and larger, the second language (Portuguese, or Chinese for a Portuguese reader) beneath it.
 */
import {
  type DocumentLanguage,
  formatDateTime,
  type LanguagePair,
  type LocalisedText,
  type MessageKey,
  message,
} from '../document_language.js';
import type { Block, Paper } from '../pdf/document_model.js';

export function both(pair: LanguagePair, key: MessageKey, values?: Record<string, string>): [string, string] {
  return [message(pair.primary, key, values), message(pair.secondary, key, values)];
}

/** Two languages of one value on two lines; one line when they read the same (numbers, codes). */
export function twoLines(primary: string, secondary: string): string {
  return primary === secondary ? primary : `${primary}\n${secondary}`;
}

export function localised(pair: LanguagePair, text: LocalisedText): string {
  return twoLines(text[pair.primary], text[pair.secondary]);
}

export function dateTimeBoth(pair: LanguagePair, iso: string): string {
  const date = new Date(iso);
  return twoLines(formatDateTime(pair.primary, date), formatDateTime(pair.secondary, date));
}

export function field(
  pair: LanguagePair,
  key: MessageKey,
  value: string,
  emphasis?: { size: number },
): Block {
  const [label, labelSecondary] = both(pair, key);
  return emphasis
    ? { kind: 'field', label, labelSecondary, value, valueSize: emphasis.size, valueWeight: 'bold' }
    : { kind: 'field', label, labelSecondary, value };
}

/** Government line, service line and the document's title in both languages. */
export function header(pair: LanguagePair, titleKey: MessageKey, paper: Paper): Block[] {
  const ticket = paper === 'ticket';
  const [government, governmentSecondary] = both(pair, 'common.government');
  const [title, titleSecondary] = both(pair, titleKey);
  return [
    { kind: 'text', text: government, size: ticket ? 9 : 12, weight: 'bold', align: 'center', gapAfter: 0 },
    { kind: 'text', text: governmentSecondary, size: ticket ? 6.5 : 9, weight: 'regular', align: 'center' },
    { kind: 'rule', weight: ticket ? 1 : 1.5 },
    { kind: 'text', text: title, size: ticket ? 14 : 20, weight: 'bold', align: 'center', gapAfter: 0 },
    {
      kind: 'text',
      text: titleSecondary,
      size: ticket ? 9 : 12,
      weight: 'regular',
      align: 'center',
      gapAfter: ticket ? 4 : 14,
    },
  ];
}

/** Terminal and time of issue, and the keep-this-slip line, at the foot of a ticket. */
export function ticketFooter(pair: LanguagePair, terminalId: string, issuedAt: string): Block[] {
  const [keep, keepSecondary] = both(pair, 'common.keepSlip');
  const [terminal] = both(pair, 'common.terminal');
  return [
    { kind: 'rule', weight: 0.5 },
    { kind: 'text', text: `${keep} ${keepSecondary}`, size: 7, weight: 'regular', align: 'center' },
    {
      kind: 'text',
      text: `${terminal} ${terminalId} · ${formatDateTime(pair.primary, new Date(issuedAt))}`,
      size: 7,
      weight: 'regular',
      align: 'center',
    },
  ];
}

/** PDF metadata title: always the template's English name, never the resident's data. */
export function pdfTitle(lng: DocumentLanguage, name: string): string {
  return `${name} (${lng})`;
}
