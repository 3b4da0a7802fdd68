import type { z } from 'zod';
import { err, ok, type Result } from '../../../lib/result.js';
import type { BackendError } from './errors.js';
import { type BackendMethodName, backendMethods } from './methods.js';

/**
 * Checks a request or a reply against the contract. Issues name the path and the rule, never the value: a
 * refused request may hold a PIN or a document number, and issues travel to logs.
 */

export function contractIssues(error: z.ZodError): string[] {
  return error.issues.slice(0, 20).map((issue) => {
    const path = issue.path.length > 0 ? issue.path.map(String).join('.') : '(request)';
    return `${path}: ${issue.message}`;
  });
}

export function parseRequest(method: BackendMethodName, request: unknown): Result<unknown, BackendError> {
  const parsed = backendMethods[method].request.safeParse(request ?? {});
  if (!parsed.success) return err({ kind: 'invalid-request', issues: contractIssues(parsed.error) });
  return ok(parsed.data);
}

export function parseReply(method: BackendMethodName, reply: unknown): Result<unknown, BackendError> {
  const parsed = backendMethods[method].reply.safeParse(reply);
  if (!parsed.success)
    return err({ kind: 'invalid-reply', detail: `${method}: ${contractIssues(parsed.error).join('; ')}` });
  return ok(parsed.data);
}
