import type { IdentifyView } from '../../../electron/rpc/flows/identify_contract.js';
import type { Prompt } from '../../../electron/rpc/guidance_contract.js';

/**
 * What audio guidance says on each identify stage (issue 14): where the resident is (the stage's title and what the
 * identification is for), what is on the screen, and what the keypad's keys do. Built from the view alone, so a
 * change of content (a wrong PIN's attempts left, a refusal's reason) is spoken as it appears.
 *
 * Never spoken: the name and document number the confirm stage shows, even masked, and the PIN's digits. The
 * resident who cannot see the face and name is told that staff can check them (Help calls staff).
 */
export function identifyAnnouncement(view: IdentifyView, lockedUntil: string | null): Prompt[] {
  return [
    { key: `identify:stageTitle.${view.stage}` },
    { key: `identify:purpose.${view.purpose}` },
    ...stagePrompts(view, lockedUntil),
  ];
}

function stagePrompts(view: IdentifyView, lockedUntil: string | null): Prompt[] {
  switch (view.stage) {
    case 'place':
      return [
        ...(view.notice ? [{ key: `identify:place.notice.${view.notice}` }] : []),
        ...view.methods.flatMap((method) => [
          { key: `identify:place.method.${method}.title` },
          { key: `identify:place.method.${method}.how` },
        ]),
        { key: 'identify.keys.place' },
      ];
    case 'reading':
      return [{ key: `identify:reading.${view.method}` }];
    case 'type-mrz':
      return [
        { key: 'identify:typeMrz.intro' },
        ...(view.problem ? [{ key: `identify:typeMrz.problem.${view.problem}` }] : []),
        { key: 'identify.keys.typeMrz' },
      ];
    case 'confirm':
      return [
        { key: 'identify:confirm.question' },
        { key: `identify:confirm.document.${view.document}` },
        { key: 'identify.confirmUnseen' },
        { key: 'identify.keys.confirm' },
      ];
    case 'pin':
      return [
        { key: 'identify:pin.prompt' },
        ...(view.attemptsLeft === null
          ? []
          : [{ key: 'identify:pin.attemptsLeft', values: { count: view.attemptsLeft } }]),
        { key: 'identify.keys.pin' },
      ];
    case 'checking-pin':
      return [{ key: 'identify:checking' }];
    case 'refused':
      return [
        { key: `identify:refused.reason.${view.reason}.title` },
        { key: `identify:refused.reason.${view.reason}.body` },
        ...(lockedUntil ? [{ key: 'identify:refused.lockedUntil', values: { time: lockedUntil } }] : []),
        { key: view.retry ? 'identify.keys.refusedRetry' : 'identify.keys.refused' },
      ];
    default: {
      const unreachable: never = view;
      return unreachable;
    }
  }
}
