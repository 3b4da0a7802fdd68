// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Prompt } from '../../electron/rpc/guidance_contract.js';
import { FocusManager, type KeyGrid, registerKeyGrid, takeDigits } from './focus_manager.js';
import { action } from './speakable.js';

/** The keypad over a screen the way screens mark it (speakable.ts), in a real DOM. */
function attributes(prompts: Prompt[], options?: Parameters<typeof action>[1]): string {
  return Object.entries(action(prompts, options))
    .map(([name, value]) => `${name}='${String(value)}'`)
    .join(' ');
}

let clicks: string[];
let spoken: Prompt[][];
let repeats: number;
let manager: FocusManager;

function screen(html: string): void {
  document.body.innerHTML = `<div class="kiosk">${html}</div>`;
  for (const button of Array.from(document.querySelectorAll('button'))) {
    button.addEventListener('click', () => clicks.push(button.id));
  }
}

beforeEach(() => {
  clicks = [];
  spoken = [];
  repeats = 0;
  manager = new FocusManager(document, {
    speak: (prompts) => spoken.push(prompts),
    repeatScreen: () => {
      repeats += 1;
    },
  });
});
afterEach(() => {
  document.body.innerHTML = '';
});

const services = () =>
  screen(`
    <header><button id="help" ${attributes([{ key: 'help.button' }], { role: 'help' })}></button></header>
    <main>
      <button id="a" ${attributes([{ key: 'service.check-in.title' }])}></button>
      <button id="b" aria-disabled="true" ${attributes([{ key: 'services.unavailable' }])}></button>
      <button id="c" ${attributes([{ key: 'service.locker-pickup.title' }])}></button>
      <button id="plain">not marked</button>
      <button id="finish" ${attributes([{ key: 'home.finish' }], { role: 'back' })}></button>
    </main>`);

const focusedId = () => document.querySelector('[data-keypad-focus]')?.id;

describe('focus manager', () => {
  it('moves through the marked actions in document order, wrapping, and speaks each', () => {
    services();
    manager.press('down');
    expect(focusedId()).toBe('help');
    manager.press('down');
    manager.press('right');
    expect(focusedId()).toBe('b');
    expect(document.activeElement?.id).toBe('b');
    manager.press('down');
    manager.press('down');
    expect(focusedId()).toBe('finish');
    manager.press('down');
    expect(focusedId()).toBe('help');
    manager.press('up');
    expect(focusedId()).toBe('finish');
    expect(spoken.map((p) => p[0]?.key)).toEqual([
      'help.button',
      'service.check-in.title',
      'services.unavailable',
      'service.locker-pickup.title',
      'home.finish',
      'help.button',
      'home.finish',
    ]);
    expect(document.querySelectorAll('[data-keypad-focus]')).toHaveLength(1);
  });

  it('reads a numeric pad the phone way: 2 up, 8 down, 4 left, 6 right; 5 repeats where the focus is', () => {
    services();
    manager.press('8');
    manager.press('6');
    expect(focusedId()).toBe('a');
    manager.press('2');
    expect(focusedId()).toBe('help');
    spoken = [];
    manager.press('5');
    expect(spoken).toEqual([[{ key: 'help.button' }]]);
  });

  it('Enter presses the focused action; a disabled one is only spoken again, never pressed', () => {
    services();
    manager.press('down');
    manager.press('down');
    manager.press('enter');
    expect(clicks).toEqual(['a']);
    manager.press('down');
    spoken = [];
    manager.press('enter');
    expect(clicks).toEqual(['a']);
    expect(spoken).toEqual([[{ key: 'services.unavailable' }]]);
  });

  it('Enter with nothing focused presses the default action, or else focuses the first', () => {
    screen(`<button id="end" ${attributes([{ key: 'idle.end' }], { role: 'back' })}></button>
      <button id="continue" ${attributes([{ key: 'idle.continue' }], { role: 'default' })}></button>`);
    manager.press('enter');
    expect(clicks).toEqual(['continue']);
    services();
    manager.press('enter');
    expect(clicks).toEqual(['continue']);
    expect(focusedId()).toBe('help');
  });

  it('Back presses the screen’s back action, Help the help button; a screen without Back says so', () => {
    services();
    manager.press('back');
    manager.press('help');
    expect(clicks).toEqual(['finish', 'help']);
    screen(`<button id="x" ${attributes([{ key: 'home:services.title' }])}></button>`);
    manager.press('back');
    expect(spoken.at(-1)).toEqual([{ key: 'focus.noBack' }]);
    manager.press('help');
    expect(repeats).toBe(1);
  });

  it('stays inside the open overlay (the last focus layer), never reaching the screen behind it', () => {
    services();
    document.querySelector('.kiosk')?.insertAdjacentHTML(
      'beforeend',
      `<div class="overlay" data-focus-layer="">
         <button id="continue" ${attributes([{ key: 'idle.continue' }], { role: 'default' })}></button>
         <button id="end" ${attributes([{ key: 'idle.end' }], { role: 'back' })}></button>
       </div>`,
    );
    for (const id of ['continue', 'end']) {
      document.getElementById(id)?.addEventListener('click', () => clicks.push(id));
    }
    manager.press('down');
    manager.press('down');
    manager.press('down');
    expect(focusedId()).toBe('continue');
    manager.press('back');
    expect(clicks).toEqual(['end']);
  });

  it('puts a negative order before the screen’s actions and a positive one after them', () => {
    screen(`<button id="bar" ${attributes([{ key: 'help.button' }], { order: 100 })}></button>
      <button id="screen" ${attributes([{ key: 'home:services.title' }])}></button>
      <button id="menu" ${attributes([{ key: 'home.finish' }], { order: -1 })}></button>`);
    const order: (string | undefined)[] = [];
    for (let i = 0; i < 3; i++) {
      manager.press('down');
      order.push(focusedId());
    }
    expect(order).toEqual(['menu', 'screen', 'bar']);
  });

  it('gives digits to a screen that takes them (the PIN pad), and only while it does', () => {
    services();
    const digits: string[] = [];
    const release = takeDigits((digit) => {
      digits.push(digit);
      return [{ key: 'pinPad.progress', values: { count: digits.length } }];
    });
    manager.press('8');
    manager.press('5');
    expect(digits).toEqual(['8', '5']);
    // What the taker says is spoken (a PIN pad says how many digits, never which).
    expect(spoken).toEqual([
      [{ key: 'pinPad.progress', values: { count: 1 } }],
      [{ key: 'pinPad.progress', values: { count: 2 } }],
    ]);
    expect(focusedId()).toBeUndefined();
    release();
    manager.press('8');
    expect(focusedId()).toBe('help');
  });

  it('says a pressed action again when it now says something else (a stepper), and only then', async () => {
    screen(`<button id="later" ${attributes([{ key: 'maintenance:terminal.later' }])}></button>
      <button id="same" ${attributes([{ key: 'home.finish' }])}></button>`);
    const later = document.getElementById('later') as HTMLElement;
    later.addEventListener('click', () =>
      queueMicrotask(() => later.setAttribute('data-speak', JSON.stringify([{ key: 'changed' }]))),
    );
    manager.press('down');
    manager.press('enter');
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(spoken.map((p) => p[0]?.key)).toEqual(['maintenance:terminal.later', 'changed']);
    manager.press('down');
    manager.press('enter');
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(clicks).toEqual(['later', 'same']);
    expect(spoken.map((p) => p[0]?.key)).toEqual(['maintenance:terminal.later', 'changed', 'home.finish']);
  });

  it('starts again at the action marked to resume when the focused one went (a chooser closed)', () => {
    services();
    manager.press('down');
    manager.press('down');
    document.getElementById('a')?.remove();
    document.getElementById('c')?.setAttribute('data-focus-resume', '');
    manager.press('down');
    expect(focusedId()).toBe('c');
    // The mark is used once: the next time the focus is lost, the arrows start at the top again.
    expect(document.getElementById('c')?.hasAttribute('data-focus-resume')).toBe(false);
    document.getElementById('c')?.remove();
    manager.press('down');
    expect(focusedId()).toBe('help');
  });

  it('lets a touch take over: the ring goes', () => {
    services();
    manager.press('down');
    manager.release();
    expect(document.querySelector('[data-keypad-focus]')).toBeNull();
  });

  describe('a grid of keys', () => {
    /** Rows of keys as the on-screen keyboard marks them, the grid a stop between two of the screen's actions. */
    function gridScreen(rows: string[][]): HTMLElement {
      screen(`<button id="before" ${attributes([{ key: 'home:services.title' }])}></button>
        <div id="grid" data-focus-grid="" ${attributes([{ key: 'keyboard.stop' }])}>
          ${rows
            .map(
              (row) =>
                `<div data-grid-row="">${row
                  .map(
                    (k) =>
                      `<button id="k-${k}" data-grid-key="${k}" data-speak='[{"key":"keyboard.char","values":{"char":"${k}"}}]'></button>`,
                  )
                  .join('')}</div>`,
            )
            .join('')}
          <div data-grid-row=""></div>
        </div>
        <button id="back" ${attributes([{ key: 'home.finish' }], { role: 'back' })}></button>`);
      return document.getElementById('grid') as HTMLElement;
    }
    let pressed: string[];
    let release: () => void;
    const grid: KeyGrid = {
      activate: (id) => {
        pressed.push(id);
        return id === 'go'
          ? { say: [], focus: 'A' }
          : { say: [{ key: 'keyboard.char', values: { char: id } }] };
      },
      entered: () => [{ key: 'keyboard.layer.latin' }],
      current: () => Array.from({ length: 60 }, () => ({ key: 'keyboard.char', values: { char: 'Z' } })),
      digit: (digit) => {
        pressed.push(`digit ${digit}`);
        return [];
      },
    };
    beforeEach(() => {
      pressed = [];
    });
    afterEach(() => release());

    it('goes in on Enter, moves to the nearest key of uneven rows (empty rows skipped), and Back comes out', () => {
      release = registerKeyGrid(gridScreen([['A', 'B', 'C', 'D', 'E'], ['F', 'G'], ['go']]), grid);
      manager.press('down');
      manager.press('down');
      expect(focusedId()).toBe('grid');
      expect(manager.inGrid).toBe(false);
      manager.press('enter');
      expect(manager.inGrid).toBe(true);
      expect(focusedId()).toBe('k-A');
      expect(spoken.at(-1)).toEqual([
        { key: 'keyboard.layer.latin' },
        { key: 'keyboard.char', values: { char: 'A' } },
      ]);
      const path: (string | undefined)[] = [];
      for (const key of ['right', 'right', 'down', 'down', 'down', 'up', 'left', 'left', 'left'] as const) {
        manager.press(key);
        path.push(focusedId());
      }
      // C (the middle) sits over the gap between F and G: the left one; the single "go" wraps back to the top.
      expect(path).toEqual(['k-B', 'k-C', 'k-F', 'k-go', 'k-C', 'k-go', 'k-go', 'k-go', 'k-go']);
      manager.press('enter');
      expect(pressed).toEqual(['go']);
      manager.press('back');
      expect(focusedId()).toBe('grid');
      expect(spoken.at(-1)?.[0]).toEqual({ key: 'keyboard.left' });
      // Speech takes at most 48 prompts: a long field is cut, not refused.
      expect(spoken.at(-1)).toHaveLength(48);
      manager.press('down');
      expect(focusedId()).toBe('back');
      manager.press('back');
      expect(clicks).toEqual(['back']);
    });

    it('an overlay keeps the keys out of reach until it goes; a grid that goes leaves the one-dimensional order', () => {
      const element = gridScreen([['A', 'B']]);
      release = registerKeyGrid(element, grid);
      manager.press('down');
      manager.press('down');
      manager.press('enter');
      manager.press('right');
      document
        .querySelector('.kiosk')
        ?.insertAdjacentHTML(
          'beforeend',
          `<div id="overlay" data-focus-layer=""><button id="continue" ${attributes([{ key: 'idle.continue' }], { role: 'default' })}></button></div>`,
        );
      manager.press('down');
      expect(focusedId()).toBe('continue');
      expect(manager.inGrid).toBe(false);
      document.getElementById('overlay')?.remove();
      manager.press('right');
      expect(focusedId()).toBe('k-A');
      element.remove();
      manager.press('down');
      expect(focusedId()).toBe('before');
    });

    it('digit keys: the arrows of a numeric pad until an arrow key is pressed, then typed into the field', () => {
      release = registerKeyGrid(gridScreen([['A', 'B', 'C']]), grid);
      manager.press('8');
      manager.press('8');
      manager.press('enter');
      manager.press('6');
      expect(focusedId()).toBe('k-B');
      expect(pressed).toEqual([]);
      manager.press('left');
      manager.press('6');
      manager.press('5');
      expect(pressed).toEqual(['digit 6', 'digit 5']);
      manager.press('back');
      manager.press('2');
      expect(pressed).toEqual(['digit 6', 'digit 5', 'digit 2']);
      expect(focusedId()).toBe('grid');
      // A PIN pad taking digits still comes first.
      const off = takeDigits(() => []);
      manager.press('3');
      off();
      expect(pressed).toHaveLength(3);
    });
  });
});
