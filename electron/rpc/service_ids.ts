import { z } from 'zod';

/** The resident services a terminal can offer; each site's configuration enables a subset. */
export const serviceIds = [
  'book-appointment',
  'check-in',
  'collect-document',
  'proof-of-identity',
  'locker-pickup',
  'locker-apply',
] as const;
export const ServiceIdSchema = z.enum(serviceIds);
export type ServiceId = z.infer<typeof ServiceIdSchema>;
