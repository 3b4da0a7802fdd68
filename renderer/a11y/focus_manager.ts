import type { KeypadKeyEvent, Prompt } from '../../electron/rpc/guidance_contract.js';
import { promptsOf } from './speakable.js';

/**
 * Moves the resident's focus through the current screen's actions with the tactile keypad, for every flow screen
 * alike (screens only mark their actions, see speakable.ts):
 * - the arrows (or 2/4/6/8 on a numeric pad, 2 being up) go to the previous or next action, wrapping around;
 * - Enter activates the focused action, or with nothing focused the screen's default one (else focuses the first);
 * - Back presses the screen's Back; Help the Help button; 5 (the raised key) repeats where the focus is;
 * - while a screen takes digits (the PIN pad, `takeDigits`), the digit keys go to it instead;
 * - a grid of keys (the on-screen keyboard, `registerKeyGrid`) is one stop of that order: Enter on it goes into the
 *   grid, where the arrows move in two dimensions over its keys, Enter presses the focused key, 5 says what the field
 *   holds and then the key, and Back comes out of the grid to its stop saying what the field holds (a second Back is
 *   the screen's Back).
 * The focused action is marked `data-keypad-focus` (a thick ring that stays whatever the colours) and announced.
 * An action that stays focused and says something else once pressed (a stepper's value, a choice now selected) is
 * said again. With nothing focused in the layer (the focused action went, e.g. a chooser closed), the arrows start
 * at the action marked `data-focus-resume` when there is one (the chooser's button), else at either end.
 *
 * Keypads come with four arrows or as a 0–9 pad. Until an arrow key has been pressed the pad is taken for a 0–9 pad,
 * whose 2/4/6/8 are the arrows and 5 repeats; once one has, the digit keys are free and all type themselves (5 too,
 * as on the PIN pad) into the field whose keyboard is on the screen (a booking reference has digits).
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
const isArrow = (key: KeypadKey) => key === 'up' || key === 'down' || key === 'left' || key === 'right';

/** What pressing a grid's key did: what to say, and which key the focus is on once the grid has redrawn. */
export interface GridAnswer {
  say: Prompt[];
  /** The key (`data-grid-key`) to focus next, when the pressed one goes away (a layer switch shows other keys). */
  focus?: string;
}

/**
 * A grid of keys the keypad can work, registered by the component that draws it (the on-screen keyboard). Its
 * markup: the grid element carries `data-focus-grid` and `action(...)` (it is a stop in the screen's order), each
 * row `data-grid-row`, each key `data-grid-key="<id>"` and `data-speak` (what it types, said as the focus reaches it).
 */
export interface KeyGrid {
  /** Does what the key `id` does (as a tap would); answers what to say. */
  activate(id: string): GridAnswer;
  /** Said on going into the grid, before the focused key (which keys these are). */
  entered(): Prompt[];
  /** Said on 5 before the focused key: what the field holds (a secret field: only how many characters). */
  current(): Prompt[];
  /** A digit key of the keypad, typed into the field; answers what to say. */
  digit(digit: DigitKey): Prompt[];
}
const keyGrids = new Map<Element, KeyGrid>();

/** While registered, the keypad works `element`'s keys through `grid`; returns its removal. */
export function registerKeyGrid(element: Element, grid: KeyGrid): () => void {
  keyGrids.set(element, grid);
  return () => {
    if (keyGrids.get(element) === grid) keyGrids.delete(element);
  };
}

/** The registered, shown grids of `layer` (the first is the field the digit keys type into). */
function gridsOf(layer: Element): HTMLElement[] {
  return [...layer.querySelectorAll<HTMLElement>('[data-focus-grid]')].filter(
    (element) => keyGrids.has(element) && isShown(element),
  );
}

/** A grid's shown keys, row by row (rows without a shown key left out). */
function rowsOf(grid: Element): HTMLElement[][] {
  return [...grid.querySelectorAll('[data-grid-row]')]
    .map((row) => [...row.querySelectorAll<HTMLElement>('[data-grid-key]')].filter(isShown))
    .filter((row) => row.length > 0);
}

/**
 * Where a key stands across its row, in keys from the row's middle: rows are centred, so the key above another is
 * the one at the nearest offset (a shorter row sits between the keys of a longer one).
 */
const columnOf = (index: number, row: readonly unknown[]) => index - (row.length - 1) / 2;

/** How the arrows (and a numeric pad's 2/4/6/8, 2 being up) move inside a grid: rows, then keys along a row. */
const gridMoves: Partial<Record<KeypadKey, readonly [-1 | 0 | 1, -1 | 0 | 1]>> = {
  up: [-1, 0],
  '2': [-1, 0],
  down: [1, 0],
  '8': [1, 0],
  left: [0, -1],
  '4': [0, -1],
  right: [0, 1],
  '6': [0, 1],
};

/** Where the focus is inside a grid: the key's id, its row, and the column up and down keep to. */
interface GridPlace {
  grid: HTMLElement;
  key: string;
  row: number;
  column: number;
}

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
  /** Inside a grid of keys: where (null in the screen's one-dimensional order). */
  #place: GridPlace | null = null;
  /** The last key focused in each grid, to come back to it. */
  readonly #lastKey = new WeakMap<Element, string>();
  /** An arrow key was pressed: this keypad has arrows, so its digit keys type digits. */
  #arrows = false;

  constructor(
    private readonly root: ParentNode,
    private readonly effects: FocusEffects,
  ) {}

  get focused(): HTMLElement | null {
    return this.#focused?.isConnected ? this.#focused : null;
  }

  /** Whether the keypad is working a grid of keys (the resident is typing). */
  get inGrid(): boolean {
    const layer = currentLayer(this.root);
    return layer !== null && this.#gridIn(layer) !== null;
  }

  press(key: KeypadKey): void {
    const taker = digitTakers.at(-1);
    if (isDigit(key) && taker) {
      const said = taker(key);
      if (said.length > 0) this.effects.speak(said);
      return;
    }
    if (isArrow(key)) this.#arrows = true;
    const layer = currentLayer(this.root);
    if (!layer) return;
    const place = this.#gridIn(layer);
    if (place && this.#pressInGrid(place, key)) return;
    const field = gridsOf(layer)[0];
    if (isDigit(key) && this.#arrows && field) {
      this.#say(keyGrids.get(field)?.digit(key) ?? []);
      return;
    }
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
    this.#place = null;
  }

  #say(prompts: Prompt[]): void {
    // Speech takes at most 48 prompts at once (a long code spelled out after the words around it).
    if (prompts.length > 0) this.effects.speak(prompts.slice(0, 48));
  }

  /** Where the focus is in a grid of `layer`, placed again on the grid's keys as they are now; null outside one. */
  #gridIn(layer: Element): GridPlace | null {
    const place = this.#place;
    if (!place) return null;
    if (!place.grid.isConnected || !layer.contains(place.grid) || !keyGrids.has(place.grid)) {
      // The grid went (another step) or is behind an overlay: the one-dimensional order goes on from its stop.
      if (!place.grid.isConnected) this.#place = null;
      return null;
    }
    const rows = rowsOf(place.grid);
    if (rows.length === 0) return null;
    const row = rows.findIndex((keys) => keys.some((k) => k.dataset.gridKey === place.key));
    if (row >= 0) return { ...place, row };
    // The key went (a candidate chosen): the nearest key where it was.
    const at = Math.min(place.row, rows.length - 1);
    const key = nearest(rows[at]!, place.column);
    return { ...place, row: at, key: key.dataset.gridKey ?? '' };
  }

  #keyAt(place: GridPlace): HTMLElement | null {
    return (
      rowsOf(place.grid)
        .flat()
        .find((key) => key.dataset.gridKey === place.key) ?? null
    );
  }

  #enterGrid(grid: HTMLElement): void {
    const rows = rowsOf(grid);
    const first = rows[0]?.[0];
    if (!first) return;
    const last = this.#lastKey.get(grid);
    const key = rows.flat().find((k) => k.dataset.gridKey === last) ?? first;
    const row = rows.findIndex((keys) => keys.includes(key));
    const column = columnOf(rows[row]!.indexOf(key), rows[row]!);
    this.#place = { grid, key: key.dataset.gridKey ?? '', row, column };
    this.#mark(key);
    this.#say([...(keyGrids.get(grid)?.entered() ?? []), ...promptsOf(key)]);
  }

  /** A key inside a grid; false for the keys that do there what they do outside it (Help, volume, 0/1/3/7/9). */
  #pressInGrid(place: GridPlace, key: KeypadKey): boolean {
    const grid = keyGrids.get(place.grid);
    const focused = this.#keyAt(place);
    if (!grid || !focused) return false;
    this.#place = place;
    if (isDigit(key) && this.#arrows) {
      this.#say(grid.digit(key));
      return true;
    }
    const move = gridMoves[key];
    if (move) {
      this.#moveInGrid(place, move[0], move[1]);
      return true;
    }
    if (key === 'enter') {
      const answer = grid.activate(place.key);
      this.#place = { ...place, key: answer.focus ?? place.key };
      this.#say(answer.say);
      // The grid redraws after the press: put the ring back on the key once it has.
      setTimeout(() => this.#remark(), 0);
      return true;
    }
    if (key === '5') {
      this.#say([...grid.current(), ...promptsOf(focused)]);
      return true;
    }
    if (key === 'back') {
      this.#lastKey.set(place.grid, place.key);
      this.#place = null;
      this.#mark(place.grid);
      this.#say([{ key: 'keyboard.left' }, ...grid.current()]);
      return true;
    }
    return false;
  }

  /**
   * Up and down go to the next row (wrapping between the top and the bottom), to the key nearest the column kept
   * since the last move along a row; left and right go along the row, wrapping at its ends.
   */
  #moveInGrid(place: GridPlace, rowStep: -1 | 0 | 1, keyStep: -1 | 0 | 1): void {
    const rows = rowsOf(place.grid);
    const row = rows[place.row]!;
    let next: HTMLElement;
    let column = place.column;
    let at = place.row;
    if (rowStep !== 0) {
      at = (place.row + rowStep + rows.length) % rows.length;
      next = nearest(rows[at]!, column);
    } else {
      const index = row.findIndex((k) => k.dataset.gridKey === place.key);
      const to = (index + keyStep + row.length) % row.length;
      next = row[to]!;
      column = columnOf(to, row);
    }
    this.#place = { grid: place.grid, key: next.dataset.gridKey ?? '', row: at, column };
    this.#mark(next);
    this.#say(promptsOf(next));
  }

  /** After a grid redrew: the ring on the key the focus is on now (nothing said: the press was answered). */
  #remark(): void {
    const layer = currentLayer(this.root);
    const place = layer ? this.#gridIn(layer) : null;
    if (!place) return;
    this.#place = place;
    const key = this.#keyAt(place);
    if (key && key !== this.#focused) this.#mark(key);
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
    if (element.hasAttribute('data-focus-grid') && keyGrids.has(element)) {
      this.#enterGrid(element);
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
    this.#mark(element);
    this.effects.speak(promptsOf(element));
  }

  /** The ring on `element`, which takes the document's focus too. */
  #mark(element: HTMLElement): void {
    if (this.#focused !== element) this.#focused?.removeAttribute('data-keypad-focus');
    this.#focused = element;
    element.removeAttribute('data-focus-resume');
    element.setAttribute('data-keypad-focus', '');
    element.focus({ preventScroll: true });
    element.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }
}

/** The key of `row` nearest `column` (the left one of two as near). */
function nearest(row: HTMLElement[], column: number): HTMLElement {
  let best = 0;
  for (let i = 1; i < row.length; i++)
    if (Math.abs(columnOf(i, row) - column) < Math.abs(columnOf(best, row) - column) - 1e-9) best = i;
  return row[best]!;
}
