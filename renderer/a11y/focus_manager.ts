import type { KeypadKeyEvent, Prompt } from '../../electron/rpc/guidance_contract.js';
import { promptsOf } from './speakable.js';

/**
 * Moves the resident's focus through the current screen's actions with the tactile keypad, for every flow screen
 * alike (screens only mark their actions, see speakable.ts):
 * - the arrows (or 2/4/6/8 on a numeric pad, 2 being up) go to the previous or next action, wrapping around;
 * - Enter activates the focused action, or with nothing focused the screen's default one (else focuses the first);
 * - Back presses the screen's Back; Help the Help button; 5 (the raised key) repeats where the focus is;
 * - while a screen takes digits (the PIN pad, `takeDigits`), the digit keys go to it instead.
 * The focused action is marked `data-keypad-focus` (a thick ring that stays whatever the colours) and announced.
 * An action that stays focused and says something else once pressed (a stepper's value, a choice now selected) is
 * said again. With nothing focused in the layer (the focused action went, e.g. a chooser closed), the arrows start
 * at the action marked `data-focus-resume` when there is one (the chooser's button), else at either end.
 *
 * The current layer is the last open overlay (`[data-focus-layer]`, e.g. "Need more time?"), else the screen.
 */
export interface FocusEffects {
  /** Speak these now, replacing what is being said. */
  speak(prompts: Prompt[]): void;
  /** Say the current screen's announcement again. */
  repeatScreen(): void;
}

type KeypadKey = KeypadKeyEvent['key'];
type DigitKey = Extract<KeypadKey, `${number}`>;
/** Takes a digit key; answers what to say about it (never the digit itself when it is secret, as a PIN's). */
export type DigitTaker = (digit: DigitKey) => Prompt[];
const digitTakers: DigitTaker[] = [];

/** While registered, digits go to `taker` (the last registered wins); returns its removal. */
export function takeDigits(taker: DigitTaker): () => void {
  digitTakers.push(taker);
  return () => {
    const at = digitTakers.lastIndexOf(taker);
    if (at >= 0) digitTakers.splice(at, 1);
  };
}

const isDigit = (key: KeypadKey): key is DigitKey => /^[0-9]$/.test(key);

function currentLayer(root: ParentNode): Element | null {
  const overlays = [...root.querySelectorAll('[data-focus-layer]')];
  return overlays.at(-1) ?? root.querySelector('.kiosk');
}

function isShown(element: Element): boolean {
  if (element.closest('[hidden], [inert], [aria-hidden="true"]')) return false;
  const style = getComputedStyle(element);
  return style.display !== 'none' && style.visibility !== 'hidden';
}

/**
 * The layer's actions in focus order: by `data-focus-order` (0 when absent; negative before the screen's own
 * actions, positive after them), then document order.
 */
export function actionsOf(layer: Element): HTMLElement[] {
  const nested = (element: Element) => element.parentElement?.closest('[data-focus-layer]') ?? null;
  const inLayer = [...layer.querySelectorAll<HTMLElement>('[data-action]')].filter((element) => {
    const owner = nested(element);
    return (
      (owner === layer || (owner === null && !layer.hasAttribute('data-focus-layer'))) && isShown(element)
    );
  });
  const order = (element: HTMLElement) => Number(element.dataset.focusOrder ?? 0);
  return inLayer
    .map((element, index) => ({ element, index }))
    .sort((a, b) => order(a.element) - order(b.element) || a.index - b.index)
    .map(({ element }) => element);
}

const disabled = (element: HTMLElement) =>
  element.getAttribute('aria-disabled') === 'true' || (element as HTMLButtonElement).disabled === true;

export class FocusManager {
  #focused: HTMLElement | null = null;

  constructor(
    private readonly root: ParentNode,
    private readonly effects: FocusEffects,
  ) {}

  get focused(): HTMLElement | null {
    return this.#focused?.isConnected ? this.#focused : null;
  }

  press(key: KeypadKey): void {
    const taker = digitTakers.at(-1);
    if (isDigit(key) && taker) {
      const said = taker(key);
      if (said.length > 0) this.effects.speak(said);
      return;
    }
    const layer = currentLayer(this.root);
    if (!layer) return;
    const actions = actionsOf(layer);
    switch (key) {
      case 'down':
      case 'right':
      case '6':
      case '8':
        this.#move(actions, 1);
        return;
      case 'up':
      case 'left':
      case '2':
      case '4':
        this.#move(actions, -1);
        return;
      case 'enter':
        this.#enter(actions);
        return;
      case 'back':
        this.#pressRole(actions, 'back');
        return;
      case 'help': {
        const help = [...this.root.querySelectorAll<HTMLElement>('[data-action="help"]')].find(isShown);
        if (help) help.click();
        else this.effects.repeatScreen();
        return;
      }
      case '5': {
        const focused = this.#focusedIn(actions);
        if (focused) this.effects.speak(promptsOf(focused));
        else this.effects.repeatScreen();
        return;
      }
      case '0':
      case '1':
      case '3':
      case '7':
      case '9':
      case 'volume-up':
      case 'volume-down':
        return;
      default: {
        const unreachable: never = key;
        throw new Error(`unknown keypad key ${String(unreachable)}`);
      }
    }
  }

  /** A touch takes over from the keypad: the ring goes until the next key. */
  release(): void {
    this.#focused?.removeAttribute('data-keypad-focus');
    this.#focused = null;
  }

  #focusedIn(actions: HTMLElement[]): HTMLElement | null {
    const focused = this.focused;
    return focused && actions.includes(focused) ? focused : null;
  }

  #move(actions: HTMLElement[], step: 1 | -1): void {
    if (actions.length === 0) {
      this.effects.repeatScreen();
      return;
    }
    const at = actions.indexOf(this.#focusedIn(actions) as HTMLElement);
    const resume = at < 0 ? actions.find((element) => element.hasAttribute('data-focus-resume')) : undefined;
    if (resume) {
      this.#focus(resume);
      return;
    }
    const next =
      at < 0 ? (step === 1 ? 0 : actions.length - 1) : (at + step + actions.length) % actions.length;
    this.#focus(actions[next]!);
  }

  #enter(actions: HTMLElement[]): void {
    const target =
      this.#focusedIn(actions) ?? actions.find((element) => element.dataset.action === 'default');
    if (target) this.#activate(target);
    else if (actions[0]) this.#focus(actions[0]);
  }

  #pressRole(actions: HTMLElement[], role: 'back'): void {
    const target = actions.find((element) => element.dataset.action === role);
    if (target) this.#activate(target);
    else this.effects.speak([{ key: 'focus.noBack' }]);
  }

  #activate(element: HTMLElement): void {
    if (disabled(element)) {
      this.#focus(element);
      return;
    }
    const said = element.getAttribute('data-speak');
    element.click();
    // The screen redraws after the click's handlers (React renders in a microtask): then say it again if it changed.
    setTimeout(() => {
      if (this.focused === element && element.getAttribute('data-speak') !== said)
        this.effects.speak(promptsOf(element));
    }, 0);
  }

  #focus(element: HTMLElement): void {
    if (this.#focused !== element) this.#focused?.removeAttribute('data-keypad-focus');
    this.#focused = element;
    element.removeAttribute('data-focus-resume');
    element.setAttribute('data-keypad-focus', '');
    element.focus({ preventScroll: true });
    element.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
    this.effects.speak(promptsOf(element));
  }
}
