import type { CollectDocumentFlowView } from '../../../electron/rpc/flows/collect_document_contract.js';
import type { Prompt } from '../../../electron/rpc/guidance_contract.js';
import { messageKey } from './outcome_step.js';

type Shown = Exclude<CollectDocumentFlowView, { step: 'identify' }>;

/**
 * What audio guidance says on each collection step (the identify step speaks for itself: identify_announcement.ts):
 * the step's title, what the screen says (the documents by their titles, in all four languages; the door to open),
 * and what the keys do. Nothing of the resident's identity is spoken: a document's title is its kind, not its number.
 */
export function collectAnnouncement(view: Shown): Prompt[] {
  const document = (title: Extract<Shown, { step: 'done' }>['document']['title']): Prompt => ({
    key: 'collect-document:spoken.document',
    values: { title: { text: title } },
  });
  switch (view.step) {
    case 'choose':
      return [
        { key: 'collect-document:choose.title' },
        { key: 'collect-document:choose.lead', values: { count: view.documents.length } },
        ...view.documents.map((d) => document(d.title)),
        { key: 'collect-document:keys.choose' },
      ];
    case 'finding':
      return [{ key: 'collect-document:finding' }, { key: 'collect-document:keys.waiting' }];
    case 'confirming':
      return [{ key: 'collect-document:releasing.confirming' }, { key: 'collect-document:keys.waiting' }];
    case 'releasing':
      return [
        { key: 'collect-document:releasing.title' },
        view.stage === 'take-from-door'
          ? { key: 'collect-document:releasing.take-from-door', values: { door: view.door ?? '' } }
          : { key: `collect-document:releasing.${view.stage}` },
      ];
    case 'done':
      return [
        { key: 'collect-document:done.title' },
        document(view.document.title),
        { key: 'collect-document:done.receipt' },
        ...(view.confirmedLater ? [{ key: 'collect-document:done.confirmedLater' }] : []),
        { key: 'collect-document:keys.done' },
      ];
    case 'nothing-ready':
    case 'not-collected':
    case 'release-failed':
    case 'unavailable': {
      const key = messageKey(view);
      return [
        { key: `collect-document:${key}.title` },
        { key: `collect-document:${key}.body` },
        { key: 'collect-document:keys.outcome' },
      ];
    }
    default: {
      const unreachable: never = view;
      return unreachable;
    }
  }
}
