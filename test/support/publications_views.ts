import {
  PayProblemSchema,
  type PublicationCard,
  type PublicationDetail,
  type PublicationsFlowView,
} from '../../electron/rpc/flows/publications_contract.js';

/**
 * One view of every step of buying publications (each grouping, a basket empty and full, every payment problem and
 * end), for tests that go through all of them: what each announces, what each action says, what the keypad does.
 */
const service = 'publications' as const;
const emptyBasket = { items: 0, totalAvos: 0 };
const basket = { items: 2, totalAvos: 246_900 };

export const sampleCard: PublicationCard = {
  id: 'PUB-CIVIL-CODE',
  title: { 'zh-Hant': '民法典', pt: 'Código Civil' },
  publisher: 'DSAJ',
  publisherName: { 'zh-Hant': '法務局', 'zh-Hans': '法务局', pt: 'DSAJ', en: 'Legal Affairs Bureau' },
  category: 'law',
  priceAvos: 123_450,
  available: 2,
  inBasket: 0,
  coverColour: '#123456',
};
const soldOutCard: PublicationCard = {
  ...sampleCard,
  id: 'PUB-PENAL-CODE',
  title: { pt: 'Código Penal' },
  available: 0,
};

export const sampleDetail: PublicationDetail = {
  ...sampleCard,
  editionLanguages: ['zh-Hant', 'pt'],
  format: 'book',
  pages: 640,
  year: 2023,
  description: { pt: 'Edição bilingue.' },
  contents: [{ pt: 'Livro I — Parte geral' }, { 'zh-Hant': '第二卷 債法' }],
  coverImageUrl: null,
  sample: true,
};

const dsaj = { key: 'DSAJ', name: sampleCard.publisherName, count: 4 };
const items = [
  { title: sampleCard.title, state: 'dropped' as const },
  { title: soldOutCard.title, state: 'turning' as const },
];

export const publicationsViews: PublicationsFlowView[] = [
  { service, step: 'loading' },
  { service, step: 'unavailable' },
  {
    service,
    step: 'browse',
    by: 'department',
    groups: [dsaj, { key: 'XX', name: null, count: 1 }],
    basket: emptyBasket,
  },
  { service, step: 'browse', by: 'category', groups: [{ key: 'law', name: null, count: 3 }], basket },
  { service, step: 'list', by: 'department', group: dsaj, publications: [sampleCard, soldOutCard], basket },
  {
    service,
    step: 'list',
    by: 'category',
    group: { key: 'statistics', name: null, count: 1 },
    publications: [sampleCard],
    basket: emptyBasket,
  },
  { service, step: 'search', query: '', results: [], basket: emptyBasket },
  { service, step: 'search', query: 'jbf', results: [sampleCard], basket },
  { service, step: 'search', query: 'zzz', results: [], basket },
  { service, step: 'detail', publication: sampleDetail, basket: emptyBasket },
  { service, step: 'detail', publication: { ...sampleDetail, inBasket: 2 }, basket },
  { service, step: 'detail', publication: { ...sampleDetail, available: 0 }, basket: emptyBasket },
  {
    service,
    step: 'basket',
    lines: [{ publication: { ...sampleCard, inBasket: 2 }, quantity: 2, max: 2, lineAvos: 246_900 }],
    totalAvos: 246_900,
    notice: null,
  },
  { service, step: 'basket', lines: [], totalAvos: 0, notice: 'stock' },
  { service, step: 'basket', lines: [], totalAvos: 0, notice: 'price' },
  { service, step: 'pay', items: 2, totalAvos: 246_900, problem: null },
  ...PayProblemSchema.options.map(
    (problem): PublicationsFlowView => ({ service, step: 'pay', items: 1, totalAvos: 123_450, problem }),
  ),
  { service, step: 'paying', totalAvos: 246_900 },
  { service, step: 'dispensing', items },
  {
    service,
    step: 'done',
    items: items.map((i) => ({ ...i, state: 'dropped' as const })),
    paidAvos: 246_900,
    refundedAvos: 0,
    end: 'completed',
    receipt: 'printing',
  },
  ...(['completed', 'refund-refused', 'refund-pending'] as const).map(
    (end): PublicationsFlowView => ({
      service,
      step: 'done',
      items: [items[0]!, { ...items[1]!, state: 'not-dropped' }],
      paidAvos: 246_900,
      refundedAvos: 123_450,
      end,
      receipt: 'not-printed',
    }),
  ),
];
