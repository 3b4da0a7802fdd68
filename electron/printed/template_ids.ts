/**
 * The printed documents the kiosk can produce, by template. Plain data (no pdfkit, no fonts), so the RPC
 * contract can name the templates without loading the renderer.
 */
export const templateIds = [
  'appointment-slip',
  'queue-ticket',
  'identity-proof',
  'collection-receipt',
  'locker-pickup-slip',
  'publication-receipt',
] as const;
export type TemplateId = (typeof templateIds)[number];
