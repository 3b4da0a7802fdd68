import type { LocalisedText } from '../../backend/contract/common.js';
import type { BasketLine, Publication, SlotStock } from '../../backend/contract/publications.js';
import type {
  BrowseBy,
  BrowseGroup,
  PublicationCard,
  PublicationDetail,
} from '../../rpc/flows/publications_contract.js';
import { publicationCategoryIds } from '../../rpc/flows/publications_contract.js';
import { availableUnits } from './dispense_plan.js';
import { createPublicationSearch, type PublicationSearch } from './publication_search.js';

/**
 * What this kiosk sells right now, as the backend said when the resident arrived (or last checked out): the
 * publications that have a slot here, the stock of each slot, the departments' names. It turns them into what the
 * screens show, with the basket's quantities, and answers searches. Built again from a fresh reply, never edited.
 */
export class ShopCatalogue {
  readonly #byId: Map<string, Publication>;
  readonly #search: PublicationSearch;

  constructor(
    publications: readonly Publication[],
    readonly slots: readonly SlotStock[],
    private readonly departments: ReadonlyMap<string, LocalisedText>,
  ) {
    const stocked = new Set(slots.flatMap((s) => (s.publicationId === null ? [] : [s.publicationId])));
    // Only what a slot of this kiosk is assigned to: a title the machine does not carry cannot be bought here.
    const sold = publications.filter((p) => stocked.has(p.id));
    this.#byId = new Map(sold.map((p) => [p.id, p]));
    this.#search = createPublicationSearch(sold);
  }

  get(id: string): Publication | undefined {
    return this.#byId.get(id);
  }

  /** Units the slots hold of a publication: the most a basket may have. */
  available(id: string): number {
    return availableUnits(this.slots, id);
  }

  groups(by: BrowseBy): BrowseGroup[] {
    const all = [...this.#byId.values()];
    if (by === 'category')
      return publicationCategoryIds
        .map((key) => ({ key, name: null, count: all.filter((p) => p.category === key).length }))
        .filter((g) => g.count > 0);
    const codes = [...new Set(all.map((p) => p.publisher))];
    return codes.map((key) => ({
      key,
      name: this.departments.get(key) ?? null,
      count: all.filter((p) => p.publisher === key).length,
    }));
  }

  group(by: BrowseBy, key: string): BrowseGroup | undefined {
    return this.groups(by).find((g) => g.key === key);
  }

  inGroup(by: BrowseBy, key: string, basket: ReadonlyMap<string, number>): PublicationCard[] {
    return [...this.#byId.values()]
      .filter((p) => (by === 'category' ? p.category === key : p.publisher === key))
      .map((p) => this.card(p, basket));
  }

  search(text: string, basket: ReadonlyMap<string, number>): PublicationCard[] {
    return this.#search.search(text).flatMap((id) => {
      const found = this.#byId.get(id);
      return found ? [this.card(found, basket)] : [];
    });
  }

  card(p: Publication, basket: ReadonlyMap<string, number>): PublicationCard {
    return {
      id: p.id,
      title: p.title,
      publisher: p.publisher,
      publisherName: this.departments.get(p.publisher) ?? null,
      category: p.category,
      priceAvos: p.priceAvos,
      available: this.available(p.id),
      inBasket: basket.get(p.id) ?? 0,
      coverColour: p.cover.colour,
    };
  }

  detail(p: Publication, basket: ReadonlyMap<string, number>): PublicationDetail {
    return {
      ...this.card(p, basket),
      editionLanguages: p.editionLanguages,
      format: p.format,
      pages: p.pages,
      year: p.year,
      description: p.description,
      contents: p.contents,
      coverImageUrl: p.cover.imageUrl,
      sample: p.sample,
    };
  }

  /** The basket as the backend is charged for it: today's prices, in the order the resident added them. */
  lines(basket: ReadonlyMap<string, number>): BasketLine[] {
    return [...basket].flatMap(([publicationId, quantity]) => {
      const found = this.#byId.get(publicationId);
      return found ? [{ publicationId, quantity, unitAvos: found.priceAvos }] : [];
    });
  }
}

/**
 * The basket checked against a fresh catalogue before paying: a quantity the slots no longer hold is lowered (or
 * the line dropped), and a changed price is noticed, so the resident sees the basket they will pay for.
 */
export function reconcileBasket(
  basket: Map<string, number>,
  before: ShopCatalogue,
  now: ShopCatalogue,
): 'stock' | 'price' | null {
  let notice: 'stock' | 'price' | null = null;
  for (const [id, quantity] of [...basket]) {
    const fresh = now.get(id);
    const max = fresh ? now.available(id) : 0;
    if (quantity > max) {
      if (max === 0) basket.delete(id);
      else basket.set(id, max);
      notice = 'stock';
    } else if (fresh && fresh.priceAvos !== before.get(id)?.priceAvos) notice ??= 'price';
  }
  return notice;
}

/** A title in the resident's language, else the nearest one the publication has (for the receipt). */
export function titleIn(title: Publication['title'], language: keyof LocalisedText): string {
  const order: (keyof LocalisedText)[] =
    language === 'zh-Hans'
      ? ['zh-Hans', 'zh-Hant', 'en', 'pt']
      : language === 'zh-Hant'
        ? ['zh-Hant', 'zh-Hans', 'en', 'pt']
        : language === 'pt'
          ? ['pt', 'en', 'zh-Hant', 'zh-Hans']
          : ['en', 'pt', 'zh-Hant', 'zh-Hans'];
  for (const l of order) {
    const text = title[l];
    if (text) return text;
  }
  return '';
}
