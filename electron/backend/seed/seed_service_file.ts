import { z } from 'zod';
import { err, ok, type Result } from '../../../lib/result.js';
import { type SeedService, SeedServiceSchema, SeedTextSchema } from './seed_schema.js';

/**
 * The on-disk shape of `data/services/<file>.json`: one file per Macau department (and one for the Hengqin
 * services), each with `defaults` that every entry inherits and `services` that state only what differs. A
 * department's 40 services then read as 40 names with their few particulars, not 40 copies of the same centres
 * and requirements. Expansion is a plain merge (`{ ...defaults, ...entry }`) checked against `SeedServiceSchema`,
 * so the expanded form is exactly what `seed_schema.ts` describes.
 *
 * Both levels are strict: a misspelt field name (`lockerPickUp`) is an error, not a silently ignored key.
 */

const ServiceFieldsSchema = SeedServiceSchema.omit({ id: true, name: true });

export const SeedServiceDefaultsSchema = ServiceFieldsSchema.partial().strict();

export const SeedServiceEntrySchema = ServiceFieldsSchema.partial()
  .extend({ id: SeedServiceSchema.shape.id, name: SeedTextSchema })
  .strict();

export const SeedServiceFileSchema = z.strictObject({
  defaults: SeedServiceDefaultsSchema,
  services: z.array(SeedServiceEntrySchema).min(1),
});
export type SeedServiceFile = z.infer<typeof SeedServiceFileSchema>;

/** Where a stored seed record failed its schema, with zod's issue paths so the bad field can be found. */
export interface SeedFileIssues {
  file: string;
  issues: string[];
}

export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
}

/** Parses one services file and expands every entry with the file's defaults. */
export function expandServiceFile(file: string, raw: unknown): Result<SeedService[], SeedFileIssues> {
  const parsed = SeedServiceFileSchema.safeParse(raw);
  if (!parsed.success) return err({ file, issues: describeIssues(parsed.error) });
  const services: SeedService[] = [];
  const issues: string[] = [];
  parsed.data.services.forEach((entry, index) => {
    const merged = SeedServiceSchema.safeParse({ ...parsed.data.defaults, ...entry });
    if (merged.success) services.push(merged.data);
    else
      issues.push(...describeIssues(merged.error).map((issue) => `services.${index} (${entry.id}) ${issue}`));
  });
  return issues.length === 0 ? ok(services) : err({ file, issues });
}
