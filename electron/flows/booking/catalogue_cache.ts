import { createHash } from 'node:crypto';
import { ok, type Result } from '../../../lib/result.js';
import type { Backend } from '../../backend/contract/backend.js';
import type { Catalogue, Centre, Department, Service } from '../../backend/contract/catalogue.js';
import type { SiteKind } from '../../backend/contract/common.js';
import type { BackendError } from '../../backend/contract/errors.js';
import {
  type CatalogueSearch,
  createCatalogueSearch,
  type SearchHit,
} from '../../backend/search/catalogue_search.js';
import { PinyinVocabulary } from '../../backend/search/pinyin_candidates.js';
import type { Language } from '../../rpc/languages.js';
import type { FlowServices } from '../flow.js';

/**
 * The service catalogue as the booking flows use it: fetched from the backend at start-up and kept (it changes
 * rarely; a copy older than `refreshAfterMs` is fetched again when a session ends, while the old one keeps
 * serving), indexed for search in four languages, and its Chinese words kept for the keyboard's candidate bar.
 * Search and browsing keep working while the backend is unreachable once it has been fetched. Building the search
 * index takes the main process a second or more, so it happens at those quiet moments, not between two taps.
 *
 * One cache per backend (a WeakMap: a test's backend takes its cache with it), so every session shares the
 * work of building the index.
 */

export const refreshAfterMs = 6 * 3_600_000;

export class CatalogueIndex {
  readonly services: ReadonlyMap<string, Service>;
  readonly departments: ReadonlyMap<string, Department>;
  readonly centres: ReadonlyMap<string, Centre>;
  #search: CatalogueSearch | null = null;
  readonly #vocabularies = new Map<'zh-Hant' | 'zh-Hans', PinyinVocabulary>();

  constructor(readonly catalogue: Catalogue) {
    this.services = new Map(catalogue.services.map((s) => [s.id, s]));
    this.departments = new Map(catalogue.departments.map((d) => [d.code, d]));
    this.centres = new Map(catalogue.centres.map((c) => [c.id, c]));
  }

  /** The search index: built on first use (about a second and a half for the real catalogue), or by `warm`. */
  get search(): CatalogueSearch {
    this.#search ??= createCatalogueSearch(this.catalogue);
    return this.#search;
  }

  /**
   * What a search typed on the kiosk finds, best first. Nothing is kept between searches: what a resident typed stays
   * in their session, not in an answer kept for the next one (the first keystrokes, which match most of the
   * catalogue, are cheap by the index's own ranking of short terms).
   */
  find(text: string, options: { language: Language; site: SiteKind; limit: number }): readonly SearchHit[] {
    return this.search.search(text, options);
  }

  /** Words of the catalogue for pinyin typed in a Chinese session (built on first use, per script). */
  candidates(pinyin: string, script: 'zh-Hant' | 'zh-Hans'): readonly string[] {
    return this.#vocabulary(script).candidates(pinyin);
  }

  /** Builds what search and the candidate bar need now (the index, both scripts' words), so no resident waits. */
  warm(): void {
    void this.search;
    for (const script of ['zh-Hant', 'zh-Hans'] as const) this.#vocabulary(script);
  }

  #vocabulary(script: 'zh-Hant' | 'zh-Hans'): PinyinVocabulary {
    let vocabulary = this.#vocabularies.get(script);
    if (!vocabulary) {
      vocabulary = PinyinVocabulary.fromNames([
        ...this.catalogue.services.map((s) => s.name[script]),
        ...this.catalogue.departments.map((d) => d.name[script]),
      ]);
      this.#vocabularies.set(script, vocabulary);
    }
    return vocabulary;
  }
}

/**
 * Indexes by the catalogue's content: a refresh that brings the same catalogue (the usual case) keeps the index
 * built, and two backends serving one catalogue (tests) share it. Two at most: the current one and its successor.
 */
const indexes = new Map<string, CatalogueIndex>();

function indexOf(catalogue: Catalogue): CatalogueIndex {
  const key = createHash('sha256').update(JSON.stringify(catalogue)).digest('hex');
  let index = indexes.get(key);
  if (!index) {
    index = new CatalogueIndex(catalogue);
    indexes.set(key, index);
    for (const old of indexes.keys()) if (indexes.size > 2) indexes.delete(old);
  }
  return index;
}

export class CatalogueCache {
  #index: CatalogueIndex | null = null;
  #loadedAt = 0;
  #loading: Promise<Result<CatalogueIndex, BackendError>> | null = null;

  constructor(
    private readonly backend: Pick<Backend, 'catalogue'>,
    private readonly now: () => number,
  ) {}

  /** The index if it was fetched already (no waiting). */
  get ready(): CatalogueIndex | null {
    return this.#index;
  }

  /**
   * The index: the kept one, or fetched now. A failed fetch is not kept, so the next call asks again; concurrent
   * calls share one fetch.
   */
  load(): Promise<Result<CatalogueIndex, BackendError>> {
    if (this.#index) return Promise.resolve(ok(this.#index));
    return this.#fetch();
  }

  /**
   * Fetches the catalogue if it is older than `refreshAfterMs` (or was never fetched) and builds what search needs;
   * for quiet moments (start-up, the end of a session), never in the middle of a resident's steps.
   */
  async refresh(): Promise<void> {
    if (this.#index && this.now() - this.#loadedAt <= refreshAfterMs) return;
    const fetched = await this.#fetch();
    if (fetched.ok) fetched.value.warm();
  }

  #fetch(): Promise<Result<CatalogueIndex, BackendError>> {
    this.#loading ??= this.backend
      .catalogue({})
      .then((fetched): Result<CatalogueIndex, BackendError> => {
        if (!fetched.ok) return fetched;
        this.#index = indexOf(fetched.value);
        this.#loadedAt = this.now();
        return ok(this.#index);
      })
      .finally(() => {
        this.#loading = null;
      });
    return this.#loading;
  }
}
const caches = new WeakMap<object, CatalogueCache>();

/** The kiosk's one cache for this backend. */
export function catalogueCacheOf(backend: Pick<Backend, 'catalogue'>, now: () => number): CatalogueCache {
  let cache = caches.get(backend);
  if (!cache) {
    cache = new CatalogueCache(backend, now);
    caches.set(backend, cache);
  }
  return cache;
}

/**
 * Keeps the booking flows' catalogue ready: now (after start-up), and again after each session once it is old. A
 * terminal that offers neither booking nor check-in never asks for it (its calls would only load the backend and
 * count against its circuit).
 */
export function prepareBookingFlows(
  services: Pick<FlowServices, 'backend' | 'clock' | 'session' | 'config'>,
): () => void {
  const offered = services.config.services;
  if (!offered.includes('book-appointment') && !offered.includes('check-in')) return () => {};
  const cache = catalogueCacheOf(services.backend, () => services.clock.now());
  const refresh = () => void cache.refresh();
  // After the current turn, so that the kiosk is up (and answering) first.
  const cancel = services.clock.setTimeout(refresh, 0);
  const unsubscribe = services.session.onSessionEnd(refresh);
  return () => {
    cancel();
    unsubscribe();
  };
}
