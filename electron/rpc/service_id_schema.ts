import { z } from 'zod';
import { serviceIds } from './service_ids.js';

/** The service ids as a zod schema, for the contract and the configuration. */
export const ServiceIdSchema = z.enum(serviceIds);
