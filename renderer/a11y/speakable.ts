import type { Prompt } from '../../electron/rpc/guidance_contract.js';

/**
 * How a screen marks an action for the tactile keypad and audio guidance: spread `action(...)` on the button.
 * The focus manager finds marked actions in document order (`order` moves one before the screen's own actions when
 * negative, after them when positive: the top bar's buttons come last), speaks the
 * prompts of the one it focuses (so they should say everything about it: "Check in, not available right now"), and
 * knows which action is the screen's default (Enter), Back (the Back key) and Help (the Help key).
 *
 *     <button {...action([{ key: `service.${id}.title` }])} onClick={…}>…</button>
 *     <button {...action([{ key: 'home:serviceIntro.back' }], { role: 'back' })} onClick={…}>…</button>
 */
export type ActionRole =
  /** One of the screen's choices. */
  | 'item'
  /** The choice Enter makes when nothing is focused yet ("Press Enter to continue"). */
  | 'default'
  /** What the Back key presses: the screen's back, cancel or close. */
  | 'back'
  /** What the Help key presses. */
  | 'help';

/** The keypad reaches the top bar's buttons (language, accessibility, Help) after the screen's own actions. */
export const topBarOrder = 100;

export interface ActionAttributes {
  'data-action': ActionRole;
  'data-speak': string;
  'data-focus-order'?: number;
}

export function action(
  prompts: Prompt[],
  options: { role?: ActionRole; order?: number } = {},
): ActionAttributes {
  return {
    'data-action': options.role ?? 'item',
    'data-speak': JSON.stringify(prompts),
    ...(options.order === undefined ? {} : { 'data-focus-order': options.order }),
  };
}

/** The prompts an action element carries (none when its attribute is missing or damaged). */
export function promptsOf(element: Element): Prompt[] {
  const raw = element.getAttribute('data-speak');
  if (!raw) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? (parsed as Prompt[]) : [];
  } catch {
    return [];
  }
}
