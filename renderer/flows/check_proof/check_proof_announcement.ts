import type { CheckProofFlowView } from '../../../electron/rpc/flows/check_proof_contract.js';
import type { Prompt } from '../../../electron/rpc/guidance_contract.js';
import { macauClockTime } from '../../../lib/macau_time.js';

/**
 * What audio guidance says on each step of checking a proof: the step's title, what the screen shows, and what the
 * keys do. A verdict is spoken with what to do next; the masked name and document number it shows are never
 * spoken (the person checking may not be the holder), only the kind of document and the terminal's id.
 */
export function checkProofAnnouncement(view: CheckProofFlowView): Prompt[] {
  switch (view.step) {
    case 'scan':
      return [
        { key: 'check-proof:scan.title' },
        ...(view.notice ? [{ key: `check-proof:scan.notice.${view.notice}` }] : []),
        { key: 'check-proof:scan.lead' },
        { key: 'check-proof:keys.scan' },
      ];
    case 'type-code':
      return [
        { key: 'check-proof:typeCode.title' },
        ...(view.waitUntil !== null
          ? [
              {
                key: 'check-proof:typeCode.wait',
                values: { time: macauClockTime(Date.parse(view.waitUntil)) },
              },
            ]
          : view.problem !== null
            ? [{ key: `check-proof:typeCode.problem.${view.problem}` }]
            : []),
        { key: 'check-proof:typeCode.lead' },
        { key: 'check-proof:keys.typeCode' },
      ];
    case 'checking':
      return [{ key: 'check-proof:checking.title' }, { key: 'check-proof:checking.body' }];
    case 'problem':
      return [
        { key: 'check-proof:problem.title' },
        { key: 'check-proof:problem.body' },
        { key: 'check-proof:keys.problem' },
      ];
    case 'result': {
      const { result } = view;
      const verdict = result.verdict;
      return [
        { key: `check-proof:verdict.${verdict}.title` },
        { key: `check-proof:verdict.${verdict}.body` },
        ...('facts' in result ? [{ key: `check-proof:documentType.${result.facts.documentType}` }] : []),
        { key: `check-proof:verdict.${verdict}.next` },
        { key: 'check-proof:keys.result' },
      ];
    }
    default: {
      const unreachable: never = view;
      return unreachable;
    }
  }
}
