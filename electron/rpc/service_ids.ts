/**
 * The resident services a terminal can offer; each site's configuration enables a subset. Plain data, no zod: the
 * renderer imports this at run time (the schema is in `service_id_schema.ts`, for the main process).
 */
export const serviceIds = [
  'book-appointment',
  'check-in',
  'collect-document',
  'proof-of-identity',
  'locker-pickup',
  'locker-apply',
  'check-proof',
  'publications',
] as const;
export type ServiceId = (typeof serviceIds)[number];
