import type { ProofOfIdentityFlowView } from '../../../electron/rpc/flows/proof_of_identity_contract.js';
import type { Prompt } from '../../../electron/rpc/guidance_contract.js';

type Shown = Exclude<ProofOfIdentityFlowView, { step: 'identify' }>;

/**
 * What audio guidance says on each proof-of-identity step (the identify step speaks for itself): the step's title,
 * what the screen says, and what the keys do. The page's contents are not read out (they are the resident's name
 * and birth date, and someone may be listening); Help calls a member of staff who can read it with them. The
 * verification code is spoken: it identifies the paper, not the person.
 */
export function proofAnnouncement(view: Shown): Prompt[] {
  switch (view.step) {
    case 'choose':
      return [
        { key: 'proof-of-identity:choose.title' },
        { key: 'proof-of-identity:choose.lead' },
        { key: 'proof-of-identity:keys.choose' },
      ];
    case 'preparing':
    case 'printing':
      return [
        { key: `proof-of-identity:${view.step}.title` },
        { key: `proof-of-identity:${view.step}.body` },
        { key: 'proof-of-identity:keys.waiting' },
      ];
    case 'preview':
      return [
        { key: 'proof-of-identity:preview.title' },
        { key: `proof-of-identity:choose.${view.languages}.title` },
        { key: 'proof-of-identity:preview.lead' },
        { key: 'proof-of-identity:keys.preview' },
      ];
    case 'done':
      return [
        { key: 'proof-of-identity:done.title' },
        { key: 'proof-of-identity:done.take' },
        { key: 'proof-of-identity:spoken.code', values: { code: view.verificationCode } },
        { key: 'proof-of-identity:done.howToCheck' },
        { key: 'proof-of-identity:keys.done' },
      ];
    case 'failed':
      return [
        { key: `proof-of-identity:failed.${view.reason}.title` },
        { key: `proof-of-identity:failed.${view.reason}.body` },
        { key: 'proof-of-identity:keys.done' },
      ];
    default: {
      const unreachable: never = view;
      return unreachable;
    }
  }
}
