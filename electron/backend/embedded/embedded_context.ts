import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { Result } from '../../../lib/result.js';
import type { BackendReply } from '../contract/backend.js';
import type { Catalogue, Centre, Department, LockerPoint, Service } from '../contract/catalogue.js';
import type { Rejection } from '../contract/errors.js';
import type { BackendMethodName, BackendMethods } from '../contract/methods.js';

/** What every handler of the embedded backend works with. */
export interface EmbeddedContext {
  db: Database.Database;
  /** Epoch milliseconds: the backend's clock, injected so tests choose "today". */
  now(): number;
  catalogue: CatalogueIndex;
}

export interface CatalogueIndex {
  catalogue: Catalogue;
  services: ReadonlyMap<string, Service>;
  centres: ReadonlyMap<string, Centre>;
  departments: ReadonlyMap<string, Department>;
  lockerPoints: ReadonlyMap<string, LockerPoint>;
}

export function indexCatalogue(catalogue: Catalogue): CatalogueIndex {
  return {
    catalogue,
    services: new Map(catalogue.services.map((s) => [s.id, s])),
    centres: new Map(catalogue.centres.map((c) => [c.id, c])),
    departments: new Map(catalogue.departments.map((d) => [d.code, d])),
    lockerPoints: new Map(catalogue.lockerPoints.map((p) => [p.id, p])),
  };
}

export type ParsedRequest<M extends BackendMethodName> = z.output<BackendMethods[M]['request']>;

/**
 * One contract method, synchronously, inside the dispatcher's transaction: the request is already valid, the
 * answer is a reply or the backend's refusal. Anything thrown is a bug and rolls the transaction back.
 */
export type Handler<M extends BackendMethodName> = (
  ctx: EmbeddedContext,
  request: ParsedRequest<M>,
) => Result<BackendReply<M>, Rejection>;

export type Handlers = { [M in BackendMethodName]: Handler<M> };
