import type { guidanceDevMethods, helpMethods, speechMethods } from '../rpc/guidance_contract.js';
import type { MethodHandlers } from '../rpc/router.js';
import type { StaffHelp } from '../services/staff_help.js';
import type { SpeechService } from '../speech/speech_service.js';

/** `speech.*`, `help.*` and the dev dock's view of what was spoken: the resident's bearings. */
export function guidanceHandlers(
  speech: SpeechService,
  help: StaffHelp,
): MethodHandlers<typeof speechMethods & typeof helpMethods & typeof guidanceDevMethods> {
  return {
    'speech.say': ({ prompts, mode }) => speech.say(prompts, mode),
    'help.callStaff': () => help.callStaff(),
    'dev.spokenPrompts': () => speech.spoken(),
    'dev.clearSpokenPrompts': () => ({ cleared: speech.clearSpoken() }),
  };
}
