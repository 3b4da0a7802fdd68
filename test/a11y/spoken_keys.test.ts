import { describe, expect, it } from 'vitest';
import {
  type CheckProofFlowView,
  ProofVerdictSchema,
} from '../../electron/rpc/flows/check_proof_contract.js';
import { IdentifyRefusalSchema, type IdentifyView } from '../../electron/rpc/flows/identify_contract.js';
import type { Prompt } from '../../electron/rpc/guidance_contract.js';
import { languages } from '../../electron/rpc/languages.js';
import { SpeechCatalogue } from '../../electron/speech/speech_catalogue.js';
import { checkProofAnnouncement } from '../../renderer/flows/check_proof/check_proof_announcement.js';
import { collectAnnouncement } from '../../renderer/flows/collect_document/collect_announcement.js';
import { identifyAnnouncement } from '../../renderer/flows/identify/identify_announcement.js';
import { proofAnnouncement } from '../../renderer/flows/proof_of_identity/proof_announcement.js';

/**
 * Every message key a screen asks audio guidance to speak exists in the main process's catalogue, in every language
 * (a key the catalogue does not know is refused and nothing is said: the resident would hear silence).
 */
const catalogue = new SpeechCatalogue();
const purpose = 'proof-of-identity' as const;

function unspeakable(prompts: Prompt[]): string[] {
  return languages.flatMap((language) =>
    prompts.flatMap((prompt) => {
      const text = catalogue.text(prompt, language);
      return text.ok ? [] : [`${language}:${prompt.key}`];
    }),
  );
}

const identifyViews: IdentifyView[] = [
  {
    stage: 'place',
    purpose,
    methods: ['document', 'residence-permit', 'macao-one-account'],
    notice: 'not-me',
  },
  { stage: 'place', purpose, methods: ['document'], notice: 'not-a-one-account-code' },
  { stage: 'reading', purpose, method: 'document' },
  { stage: 'reading', purpose, method: 'residence-permit' },
  { stage: 'reading', purpose, method: 'macao-one-account' },
  { stage: 'type-mrz', purpose, problem: 'no-match' },
  { stage: 'type-mrz', purpose, problem: 'format' },
  ...(['passport', 'id-card', 'residence-permit'] as const).map(
    (document): IdentifyView => ({
      stage: 'confirm',
      purpose,
      document,
      face: null,
      name: 'X',
      documentNumber: 'Y',
      pinNext: false,
    }),
  ),
  { stage: 'pin', purpose, attemptsLeft: 1 },
  { stage: 'pin', purpose, attemptsLeft: null },
  { stage: 'checking-pin', purpose },
  ...IdentifyRefusalSchema.options.flatMap((reason): IdentifyView[] => [
    { stage: 'refused', purpose, reason, lockedUntil: null, retry: true },
    { stage: 'refused', purpose, reason, lockedUntil: null, retry: false },
  ]),
];

describe('the keys screens speak', () => {
  it('identify: every stage, refusal and notice, in the four languages', () => {
    for (const view of identifyViews) {
      expect(unspeakable(identifyAnnouncement(view, view.stage === 'refused' ? '17:30' : null))).toEqual([]);
    }
  });

  it('check a proof: every step, notice and verdict, in the four languages', () => {
    const issue = {
      verificationCode: 'ABCD-EFGH-JKMN',
      terminalId: 'MO-CP-07',
      issuedAt: '2026-11-30T10:15:00+08:00',
    };
    const views: CheckProofFlowView[] = [
      { service: 'check-proof', step: 'scan', notice: null },
      { service: 'check-proof', step: 'scan', notice: 'not-a-proof' },
      { service: 'check-proof', step: 'scan', notice: 'scan-failed' },
      { service: 'check-proof', step: 'checking' },
      { service: 'check-proof', step: 'problem' },
      ...(['bir', 'passport', 'travelPermit'] as const).map(
        (documentType): CheckProofFlowView => ({
          service: 'check-proof',
          step: 'result',
          result: {
            verdict: 'genuine',
            ...issue,
            facts: { documentType, documentNumberMasked: 'X', nameMasked: 'Y' },
          },
        }),
      ),
      ...ProofVerdictSchema.options.map(
        (option): CheckProofFlowView => ({
          service: 'check-proof',
          step: 'result',
          result: { verdict: option.shape.verdict.value, terminalId: 'MO-CP-07' } as never,
        }),
      ),
    ];
    for (const view of views) expect(unspeakable(checkProofAnnouncement(view))).toEqual([]);
  });

  it('collect my document and proof of identity: every step, outcome and failure, in the four languages', () => {
    const title = { 'zh-Hant': '護照', 'zh-Hans': '护照', pt: 'Passaporte', en: 'Passport' };
    const document = { collectionId: 'C-1', kind: 'passport', title, format: 'booklet' } as const;
    const collect = [
      { step: 'finding' },
      { step: 'choose', documents: [document, { ...document, collectionId: 'C-2', format: 'card' }] },
      { step: 'nothing-ready' },
      ...(['preparing', 'take-card', 'take-from-door'] as const).map((stage) => ({
        step: 'releasing',
        document,
        stage,
        door: 'A2',
      })),
      { step: 'confirming', document },
      { step: 'done', document, moreWaiting: true, confirmedLater: true },
      { step: 'not-collected', document },
      ...(['jam', 'empty', 'door', 'device'] as const).map((problem) => ({
        step: 'release-failed',
        document,
        problem,
      })),
      ...(['backend', 'held-elsewhere', 'not-here'] as const).map((reason) => ({
        step: 'unavailable',
        reason,
      })),
    ];
    for (const view of collect)
      expect(unspeakable(collectAnnouncement({ service: 'collect-document', ...view } as never))).toEqual([]);
    const proof = [
      { step: 'choose' },
      { step: 'preparing', languages: 'zh-pt' },
      { step: 'preview', languages: 'zh-en', preview: 'data:image/png;base64,AA==' },
      { step: 'printing' },
      { step: 'done', verificationCode: 'ABCD-EFGH-JKMN' },
      ...(['backend', 'cannot-issue', 'printer'] as const).map((reason) => ({ step: 'failed', reason })),
    ];
    for (const view of proof)
      expect(unspeakable(proofAnnouncement({ service: 'proof-of-identity', ...view } as never))).toEqual([]);
  });
});
