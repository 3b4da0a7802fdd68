import { z } from 'zod';

/** One RPC method: the schema its params must pass, and the schema its result must pass. */
export interface MethodSpec {
  params: z.ZodType;
  result: z.ZodType;
}

/**
 * A domain's methods, each named `<domain>.<verb>`: the compiler checks the prefix, so two domains can never
 * declare the same method, and the router's rules by prefix (`dev.`, `maintenance.`) cannot be dodged by a name.
 */
export type DomainMethods<Domain extends string> = Record<`${Domain}.${string}`, MethodSpec>;

/** A domain's events: each event's name and the schema of its payload. */
export type DomainEvents = Record<string, z.ZodType>;

/** The params of a method that takes nothing: anything extra is refused. */
export const noParams = z.object({}).strict();
