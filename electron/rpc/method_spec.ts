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

/**
 * What a staff or dev-dock action answers: done (with `value`'s fields, if any), or refused with a reason for the
 * person who asked. (Resident intents answer `IntentResult`, whose refusals are a closed list.)
 */
export function actionOutcomeSchema<Shape extends z.ZodRawShape = Record<never, never>>(value?: Shape) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), ...(value ?? ({} as Shape)) }),
    z.object({ ok: z.literal(false), error: z.string() }),
  ]);
}

/** The type of an `actionOutcomeSchema` answer: done, with the action's own fields beside `ok`, or refused. */
export type ActionOutcome<Fields extends object, Refusal extends string = string> =
  | ({ ok: true } & Fields)
  | { ok: false; error: Refusal };

/**
 * The zod schema of a `Result<T, E>` (lib/result.ts) on the wire: `{ ok: true, value }` or `{ ok: false, error }`,
 * exactly what `ok()` and `err()` build, so a handler returns its Result as it is and the router checks it.
 * A success without a value (`ok()`) has no `value` key once it has crossed JSON.
 */
export function resultSchema<Value extends z.ZodType, Failure extends z.ZodType>(
  value: Value,
  error: Failure,
) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }).strict(),
    z.object({ ok: z.literal(false), error }).strict(),
  ]);
}

/** The params of a method that takes nothing: anything extra is refused. */
export const noParams = z.object({}).strict();
