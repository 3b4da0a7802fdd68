import { macauIso } from '../../../lib/macau_time.js';
import type { ReadyDocument } from '../../backend/contract/collection.js';
import type { LocalisedText } from '../../backend/contract/common.js';
import type { FlowServices } from '../flow.js';

/**
 * The collection receipt (the existing 80 mm template) for a document the resident took: which document, which
 * collection, the issuing department, this centre and terminal, when. The backend does not send the new document's
 * number, so the receipt names the collection instead. It prints for the running session, whose print overlay
 * follows the job (paper out, cover open).
 */
const documentTypes = {
  'bir-card': 'bir',
  passport: 'passport',
  'travel-permit': 'travelPermit',
  'hk-visit-permit': 'travelPermit',
} as const satisfies Record<ReadyDocument['kind'], string>;

export async function printCollectionReceipt(
  services: Pick<FlowServices, 'backend' | 'clock' | 'config' | 'logger' | 'printing' | 'session'>,
  document: ReadyDocument,
  idempotencyKey: string,
): Promise<void> {
  const { backend, clock, config, printing, session, logger } = services;
  const view = session.view();
  if (view.phase !== 'active') return;
  const printed = await printing.printForSession(
    'collection-receipt',
    {
      language: view.language,
      documentType: documentTypes[document.kind],
      applicationReference: document.collectionId.slice(-32),
      department: await departmentName(backend, document.department),
      centre: config.site.name,
      collectedAt: macauIso(clock.now()),
      terminalId: config.terminal.id,
    },
    { idempotencyKey },
  );
  // Paper out or a cover open is shown by the print overlay and resumed by the pipeline; what is left here is a
  // receipt that could not be queued at all (the session ended meanwhile, an unprintable name): the collection
  // itself stands, only the paper is missing.
  if (!printed.ok) logger.log('collection-receipt-not-printed', { reason: printed.error.code });
}

/** The department's name in the four languages; its code when the catalogue cannot be read right now. */
async function departmentName(backend: FlowServices['backend'], code: string): Promise<LocalisedText> {
  const catalogue = await backend.catalogue({});
  const found = catalogue.ok ? catalogue.value.departments.find((d) => d.code === code) : undefined;
  return found?.name ?? { 'zh-Hant': code, 'zh-Hans': code, pt: code, en: code };
}
