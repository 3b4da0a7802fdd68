/**
 * What the USB route needs to know about a PDF before sending it raw to a printer: that it is one (header and
 * end-of-file marker, so a truncated file is never sent), and roughly how many pages it has, to budget the time
 * the printer needs. Page objects inside compressed object streams are invisible to this scan; the count is
 * then `undefined` and the caller budgets conservatively.
 */

import { err, ok, type Result } from '../../../lib/result.js';
export type PdfFactsError = { code: 'not-a-pdf' } | { code: 'truncated' };

export interface PdfFacts {
  version: string;
  pages: number | undefined;
}

export function inspectPdf(bytes: Uint8Array): Result<PdfFacts, PdfFactsError> {
  const head = latin1(bytes.subarray(0, 1024));
  const header = /%PDF-(\d\.\d)/.exec(head);
  if (!header || head.indexOf('%PDF-') > 0) return err({ code: 'not-a-pdf' });
  // %%EOF may be followed by a line end and, from some producers, a few bytes of padding.
  if (!latin1(bytes.subarray(Math.max(0, bytes.length - 1024))).includes('%%EOF')) {
    return err({ code: 'truncated' });
  }
  const pages = latin1(bytes).match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length;
  return ok({ version: header[1]!, pages: pages && pages > 0 ? pages : undefined });
}

function latin1(bytes: Uint8Array): string {
  let out = '';
  const step = 8192;
  for (let i = 0; i < bytes.length; i += step) out += String.fromCharCode(...bytes.subarray(i, i + step));
  return out;
}
