/** Field schemas shared by the templates' inputs. */
import { z } from 'zod';

/** An instant with its offset, e.g. `2025-06-20T14:05:00+08:00`. */
export const InstantSchema = z.iso.datetime({ offset: true });
/** A calendar date, e.g. `1990-03-01`. */
export const CalendarDateSchema = z.iso.date();
/** Terminal ids are printed on every slip and name the signing key: keep them short and plain. */
export const TerminalIdSchema = z.string().regex(/^[A-Za-z0-9-]{1,32}$/);
export const DocumentTypeSchema = z.enum(['bir', 'passport', 'travelPermit']);
export type DocumentType = z.infer<typeof DocumentTypeSchema>;
