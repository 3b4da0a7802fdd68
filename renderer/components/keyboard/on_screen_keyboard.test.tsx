// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { KeypadKeyEvent, Prompt } from '../../../electron/rpc/guidance_contract.js';
import type { Language } from '../../../electron/rpc/languages.js';
import { unspeakablePrompts } from '../../../test/support/unspeakable_prompts.js';
import { FocusManager } from '../../a11y/focus_manager.js';
import { action, promptsOf } from '../../a11y/speakable.js';
import { createI18n } from '../../i18n/i18n.js';
import { OnScreenKeyboard, type OnScreenKeyboardProps } from './on_screen_keyboard.js';
import { PinPad } from './pin_pad.js';

afterEach(() => cleanup());

/**
 * A field that owns its value, as a flow step does, and shows it for the test to read. With `lookup` it is also
 * the owner of the pinyin's candidates, as the search step is: told the pinyin, it has its words a moment later
 * (the main process's answer).
 */
function Field({
  lookup,
  ...props
}: Partial<OnScreenKeyboardProps> & { language: Language; lookup?: (pinyin: string) => string[] }) {
  const [value, setValue] = useState('');
  const [candidates, setCandidates] = useState<readonly string[]>([]);
  const onCompositionChange = (pinyin: string) => {
    props.onCompositionChange?.(pinyin);
    if (lookup) void Promise.resolve().then(() => setCandidates(lookup(pinyin)));
  };
  return (
    <I18nextProvider i18n={createI18n(props.language)}>
      <output data-testid="value">{value}</output>
      <OnScreenKeyboard
        value={value}
        onChange={setValue}
        {...props}
        {...(lookup ? { candidates, onCompositionChange } : {})}
      />
    </I18nextProvider>
  );
}
const tap = (testId: string) => act(() => fireEvent.click(screen.getByTestId(testId)));
const typed = () => screen.getByTestId('value').textContent;

describe('on-screen keyboard', () => {
  it('types Portuguese with accents, spaces and deletes, in lower case by default', () => {
    render(<Field language="pt" />);
    for (const key of 'CONCESS') tap(`key-${key}`);
    tap('keyboard-layer-accents');
    tap('key-Ã');
    tap('keyboard-layer-latin');
    tap('key-O');
    expect(typed()).toBe('concessão');
    tap('key-space');
    tap('key-space');
    tap('key-D');
    expect(typed()).toBe('concessão d');
    tap('key-backspace');
    tap('key-backspace');
    expect(typed()).toBe('concessão');
    tap('key-clear');
    expect(typed()).toBe('');
  });

  it('types references in capitals when the field asks, and stops at the maximum length', () => {
    render(<Field language="en" letterCase="upper" maxLength={4} />);
    for (const key of 'AB12C') tap(`key-${key}`);
    expect(typed()).toBe('AB12');
  });

  it('a digits field offers only digits', () => {
    render(<Field language="en" mode="digits" />);
    expect(screen.queryByTestId('key-A')).toBeNull();
    expect(screen.queryByTestId('key-space')).toBeNull();
    for (const key of '4096') tap(`key-${key}`);
    expect(typed()).toBe('4096');
  });

  it('composes pinyin in a Chinese session and takes a candidate from the main process', async () => {
    const lookup = vi.fn((pinyin: string) => (pinyin === 'shenfen' ? ['身份', '申訴'] : []));
    render(<Field language="zh-Hant" lookup={lookup} />);
    for (const key of 'SHENFEN') tap(`key-${key}`);
    expect(screen.getByTestId('keyboard-composition').textContent).toBe('shenfen');
    expect(typed()).toBe('');
    await act(async () => {});
    expect(screen.getByTestId('keyboard-candidate-1').textContent).toBe('申訴');
    tap('keyboard-candidate-0');
    expect(typed()).toBe('身份');
    // Space takes the first candidate; backspace eats the composition before the field.
    for (const key of 'SHENFEN') tap(`key-${key}`);
    await act(async () => {});
    tap('key-backspace');
    expect(screen.getByTestId('keyboard-composition').textContent).toBe('shenfe');
    expect(typed()).toBe('身份');
    tap('key-N');
    await act(async () => {});
    tap('key-space');
    expect(typed()).toBe('身份身份');
  });

  it('tells the owner the pinyin in the key’s handler, before drawing it', () => {
    // What the screen showed when it was told: a search on the pinyin must not wait for the keyboard's render.
    const shownWhenTold: string[] = [];
    const told: string[] = [];
    const shown = () => screen.getByTestId('keyboard-composition').textContent ?? '';
    render(
      <Field
        language="zh-Hans"
        lookup={() => []}
        onCompositionChange={(pinyin) => {
          shownWhenTold.push(shown());
          told.push(pinyin);
        }}
      />,
    );
    for (const key of 'SF') tap(`key-${key}`);
    tap('key-backspace');
    expect(shownWhenTold).toEqual(['', 's', 'sf']);
    expect(told).toEqual(['s', 'sf', 's']);
    expect(shown()).toBe('s');
  });

  it('shows the owner’s candidates while pinyin is composed, the last ones until new ones come, none after a word', async () => {
    render(<Field language="zh-Hant" lookup={(pinyin) => (pinyin === 's' ? ['是', '時'] : ['時'])} />);
    tap('key-S');
    await act(async () => {});
    expect(screen.getByTestId('keyboard-candidate-1').textContent).toBe('時');
    // The next letter: until its candidates come, the bar keeps the last ones (no empty flash at each key).
    tap('key-H');
    expect(screen.getByTestId('keyboard-composition').textContent).toBe('sh');
    expect(screen.getByTestId('keyboard-candidate-1').textContent).toBe('時');
    await act(async () => {});
    expect(screen.getByTestId('keyboard-candidate-0').textContent).toBe('時');
    expect(screen.queryByTestId('keyboard-candidate-1')).toBeNull();
    // A word chosen: the bar is empty at once, before the owner has answered.
    tap('keyboard-candidate-0');
    expect(typed()).toBe('時');
    expect(screen.queryByTestId('keyboard-candidate-0')).toBeNull();
    // Repeated words are shown once, and at most eight.
    cleanup();
    render(<Field language="zh-Hant" lookup={() => [...'一二二三四五六七八九十']} />);
    tap('key-Y');
    await act(async () => {});
    expect(screen.getAllByTestId(/^keyboard-candidate-/).map((b) => b.textContent)).toEqual([
      ...'一二三四五六七八',
    ]);
  });

  it('without a candidate source there is no pinyin layer, and Chinese sessions start on letters', () => {
    render(<Field language="zh-Hans" />);
    expect(screen.getByTestId('keyboard').className).toContain('keyboard--latin');
    expect(screen.queryByTestId('keyboard-layer-pinyin')).toBeNull();
  });

  it('a key acts on the press, once: the click after it does nothing more, and the focus stays where it was', () => {
    render(
      <>
        <button type="button" data-testid="elsewhere">
          elsewhere
        </button>
        <Field language="en" />
      </>,
    );
    screen.getByTestId('elsewhere').focus();
    const press = (testId: string, init: PointerEventInit = {}) => {
      const key = screen.getByTestId(testId);
      let kept = true;
      act(() => {
        kept = fireEvent.pointerDown(key, { isPrimary: true, button: 0, pointerType: 'touch', ...init });
      });
      return kept;
    };
    // Typed while the finger is still down; the press's default (moving the focus to the key) is prevented.
    expect(press('key-A')).toBe(false);
    expect(typed()).toBe('a');
    expect(document.activeElement).toBe(screen.getByTestId('elsewhere'));
    // The finger lifts: the click a pointer makes (detail 1) was the same keystroke.
    act(() => fireEvent.click(screen.getByTestId('key-A'), { detail: 1 }));
    expect(typed()).toBe('a');
    // A second finger, or a secondary button, types nothing; neither does a press between the keys.
    press('key-B', { isPrimary: false });
    press('key-B', { button: 2 });
    expect(press('keyboard')).toBe(true);
    expect(typed()).toBe('a');
    // A click with no press before it (Enter on a focused key, assistive technology) is the keystroke.
    act(() => fireEvent.click(screen.getByTestId('key-B'), { detail: 0 }));
    expect(typed()).toBe('ab');
  });

  it('every key is a button with a name', () => {
    render(<Field language="en" onEnter={() => {}} />);
    for (const button of screen.getAllByRole('button'))
      expect(button.getAttribute('aria-label') ?? button.textContent).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Delete' })).toBeTruthy();
  });
});

function Pad({ onSubmit }: { onSubmit: (pin: string) => void }) {
  return (
    <I18nextProvider i18n={createI18n('en')}>
      <PinPad length={6} onSubmit={onSubmit} />
    </I18nextProvider>
  );
}

describe('PIN pad', () => {
  it('shows dots, says how many digits, never which, and hands the PIN over once on OK', () => {
    const onSubmit = vi.fn();
    const { container } = render(<Pad onSubmit={onSubmit} />);
    for (const d of '12345') tap(`pin-${d}`);
    expect(screen.getByTestId('pin-ok').hasAttribute('disabled')).toBe(true);
    expect(screen.getByTestId('pin-progress').textContent).toBe('5 of 6 digits entered');
    tap('pin-backspace');
    tap('pin-9');
    tap('pin-0');
    expect(screen.getByTestId('pin-display').textContent).toBe('●●●●●●');
    expect(container.textContent).not.toContain('123490');
    tap('pin-7');
    tap('pin-ok');
    expect(onSubmit).toHaveBeenCalledExactlyOnceWith('123490');
    expect(screen.getByTestId('pin-display').textContent).toBe('○○○○○○');
    expect(screen.getByTestId('pin-progress').textContent).toBe('0 of 6 digits entered');
  });
});

/** What the keypad pressed on the screen around the keyboard. */
const taps = { backs: 0, results: 0 };

/** A typing step: the keyboard, a result after it and a Back, as the flows' typing steps are. */
function Step(
  props: Partial<OnScreenKeyboardProps> & { language: Language; lookup?: (pinyin: string) => string[] },
) {
  return (
    <div className="kiosk">
      <Field {...props} />
      <button
        type="button"
        data-testid="result"
        {...action([{ key: 'home:services.title' }])}
        onClick={() => {
          taps.results += 1;
        }}
      />
      <button
        type="button"
        data-testid="back"
        {...action([{ key: 'home.finish' }], { role: 'back' })}
        onClick={() => {
          taps.backs += 1;
        }}
      />
    </div>
  );
}
/**
 * The keyboard by the tactile keypad alone, through the focus manager the app runs (focus_manager.ts): a screen
 * with the keyboard, a result after it and a Back, as the typing steps are; what would be said is followed by
 * message key and value, and where the ring is by test id.
 */
describe('on-screen keyboard by the tactile keypad', () => {
  let spoken: Prompt[][];
  let manager: FocusManager;
  beforeEach(() => {
    spoken = [];
    taps.backs = 0;
    taps.results = 0;
    manager = new FocusManager(document, { speak: (p) => spoken.push(p), repeatScreen: () => {} });
  });

  const press = async (...keys: KeypadKeyEvent['key'][]) => {
    for (const key of keys)
      await act(async () => {
        manager.press(key);
      });
    // The ring goes back on its key once the keyboard has redrawn (a layer switched).
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
  };
  const focused = () => document.querySelector('[data-keypad-focus]')?.getAttribute('data-testid');
  const last = () => spoken.at(-1);
  /** A letter or digit key, said by a fixed message of its own. */
  const char = (c: string): Prompt => ({
    key: /[0-9]/.test(c) ? `keyboard.digit.${c}` : `keyboard.letter.${c}`,
  });
  /** Arrows until the ring is on `testId`: down to its row, then right along it (as a resident would, by ear). */
  async function reach(testId: string) {
    const target = screen.getByTestId(testId);
    for (let i = 0; i < 40 && focused() !== testId; i++) {
      const row = document.querySelector('[data-keypad-focus]')?.closest('[data-grid-row]');
      await press(row?.contains(target) ? 'right' : 'down');
    }
    expect(focused()).toBe(testId);
  }
  async function typeKeys(testIds: string[]) {
    for (const id of testIds) {
      await reach(id);
      await press('enter');
    }
  }

  it('is the screen’s first stop and its default: Enter goes in, saying the keys and how they work', async () => {
    render(<Step language="en" />);
    await press('down');
    expect(focused()).toBe('keyboard');
    expect(last()).toEqual([{ key: 'keyboard.stop' }]);
    manager.release();
    // With nothing focused, Enter is the keyboard's (the screen's default), straight onto its first key.
    await press('enter');
    expect(focused()).toBe('key-1');
    expect(last()).toEqual([{ key: 'keyboard.layer.latin' }, { key: 'keyboard.how' }, char('1')]);
  });

  it('moves in two dimensions: along a row wrapping at its ends, up and down to the nearest key, keeping the column', async () => {
    render(<Step language="en" onEnter={() => {}} />);
    await press('enter');
    await press('left');
    expect(focused()).toBe('key-0');
    await press('right');
    expect(focused()).toBe('key-1');
    const visited: (string | null | undefined)[] = [];
    for (let i = 0; i < 5; i++) {
      await press('down');
      visited.push(focused());
    }
    // 1 → Q → A → Z → the first control (accents) → back round to 1: each row centred under the one above.
    expect(visited).toEqual(['key-Q', 'key-A', 'key-Z', 'keyboard-layer-accents', 'key-1']);
    await press('up');
    expect(focused()).toBe('keyboard-layer-accents');
    // Rows are centred: the first of five controls stands under X, the second of eight keys (not under Z).
    await press('right', 'left', 'up');
    expect(focused()).toBe('key-X');
    // From P at the right end, down through the shorter rows and back up returns to P, not to O.
    await press('down', 'down');
    await reach('key-P');
    await press('down');
    expect(focused()).toBe('key-L');
    await press('down');
    expect(focused()).toBe('key--');
    await press('up', 'up');
    expect(focused()).toBe('key-P');
    // A numeric pad's 2/4/6/8 are the arrows (no arrow key pressed on this keypad yet).
    manager = new FocusManager(document, { speak: (p) => spoken.push(p), repeatScreen: () => {} });
    await press('enter', '8', '6', '6');
    expect(focused()).toBe('key-E');
    await press('2', '4');
    expect(focused()).toBe('key-2');
  });

  it('says each key by what it types, in every layer, in words the four languages have', async () => {
    render(<Step language="pt" onEnter={() => {}} enterLabel="Procurar" />);
    await press('enter');
    await reach('key-B');
    expect(last()).toEqual([char('B')]);
    await reach('key--');
    expect(last()).toEqual([{ key: 'keyboard.symbol.dash' }]);
    await reach('key-space');
    expect(last()).toEqual([{ key: 'input:keyboard.space' }]);
    await reach('key-enter');
    expect(last()).toEqual([{ key: 'keyboard.enter', values: { label: 'Procurar' } }]);
    await reach('keyboard-layer-accents');
    expect(last()).toEqual([
      { key: 'keyboard.switch', values: { layer: { key: 'input:keyboard.layerName.accents' } } },
    ]);
    await press('enter');
    // The accents layer, its first key focused; each accented letter said as its letter and accent.
    expect(last()).toEqual([
      { key: 'keyboard.layer.accents' },
      { key: 'keyboard.accent.acute', values: { letter: 'A' } },
    ]);
    expect(focused()).toBe('key-Á');
    await press('right', 'right', 'right');
    expect(last()).toEqual([{ key: 'keyboard.accent.tilde', values: { letter: 'A' } }]);
    await reach('key-Ç');
    expect(last()).toEqual([{ key: 'keyboard.accent.cedilla', values: { letter: 'C' } }]);
    const keys = [...document.querySelectorAll('[data-grid-key]')].flatMap((k) => promptsOf(k));
    const words = [...keys, ...spoken.flat()];
    expect(words.length).toBeGreaterThan(20);
    expect(unspeakablePrompts(words)).toEqual([]);
  });

  it('Enter types the focused key and says it back; delete, space and clear say what they did', async () => {
    render(<Step language="en" />);
    await press('enter');
    await typeKeys(['key-B', 'key-O']);
    expect(typed()).toBe('bo');
    expect(last()).toEqual([char('O')]);
    await reach('key-space');
    await press('enter');
    expect(typed()).toBe('bo ');
    await reach('key-backspace');
    await press('enter');
    expect(last()).toEqual([{ key: 'keyboard.deleted' }, { key: 'input:keyboard.space' }]);
    await press('enter');
    expect(typed()).toBe('b');
    expect(last()).toEqual([{ key: 'keyboard.deleted' }, char('O')]);
    await reach('key-clear');
    await press('enter');
    expect(typed()).toBe('');
    expect(last()).toEqual([{ key: 'keyboard.cleared' }]);
    await reach('key-backspace');
    await press('enter');
    expect(last()).toEqual([{ key: 'keyboard.empty' }]);
  });

  it('5 says what the field holds (a code spelled, words as words), then the key; the field full is said', async () => {
    render(<Step language="en" letterCase="upper" maxLength={2} />);
    await press('enter', '5');
    expect(last()).toEqual([{ key: 'keyboard.empty' }, char('1')]);
    await typeKeys(['key-A', 'key--', 'key-Z']);
    expect(typed()).toBe('A-');
    expect(last()).toEqual([{ key: 'keyboard.full' }]);
    manager = new FocusManager(document, { speak: (p) => spoken.push(p), repeatScreen: () => {} });
    // A numeric pad (no arrow key pressed on it): 5 repeats; the ring is back on the first key.
    await press('enter', '5');
    expect(last()).toEqual([
      { key: 'keyboard.typed' },
      char('A'),
      { key: 'keyboard.symbol.dash' },
      char('1'),
    ]);
    cleanup();
    render(<Step language="pt" />);
    await press('enter');
    await typeKeys(['key-S', 'key-E']);
    manager = new FocusManager(document, { speak: (p) => spoken.push(p), repeatScreen: () => {} });
    await press('enter', '5');
    expect(last()).toEqual([
      { key: 'keyboard.typed' },
      { key: 'keyboard.word', values: { text: 'se' } },
      char('1'),
    ]);
  });

  it('a secret field never says what was typed: only how many characters', async () => {
    render(<Step language="en" letterCase="upper" secret={true} />);
    await press('enter');
    const answers: Prompt[][] = [];
    /** What is said in answer to keys that type, delete, repeat or leave (not to the arrows naming keys). */
    const answer = async (...keys: KeypadKeyEvent['key'][]) => {
      const from = spoken.length;
      await press(...keys);
      answers.push(...spoken.slice(from));
    };
    await reach('key-Q');
    await answer('enter');
    await reach('key-W');
    await answer('enter', '7', '5');
    expect(typed()).toBe('QW75');
    await answer('back');
    await press('enter');
    await reach('key-backspace');
    await answer('enter');
    expect(typed()).toBe('QW7');
    expect(answers).toEqual([
      [{ key: 'keyboard.typedCount', values: { count: 1 } }],
      [{ key: 'keyboard.typedCount', values: { count: 2 } }],
      [{ key: 'keyboard.typedCount', values: { count: 3 } }],
      [{ key: 'keyboard.typedCount', values: { count: 4 } }],
      [{ key: 'keyboard.left' }, { key: 'keyboard.typedCount', values: { count: 4 } }],
      [{ key: 'keyboard.deleted' }],
    ]);
    // On a numeric pad, 5 says the count too, then the key it is on.
    manager = new FocusManager(document, { speak: (p) => spoken.push(p), repeatScreen: () => {} });
    await press('enter', '5');
    expect(last()).toEqual([{ key: 'keyboard.typedCount', values: { count: 3 } }, char('1')]);
  });

  it('Back leaves the keys for the screen’s other actions, saying what was typed; a second Back is the screen’s', async () => {
    render(<Step language="en" />);
    await press('enter');
    await typeKeys(['key-Q']);
    await press('back');
    expect(focused()).toBe('keyboard');
    expect(last()).toEqual([
      { key: 'keyboard.left' },
      { key: 'keyboard.typed' },
      { key: 'keyboard.word', values: { text: 'q' } },
    ]);
    expect(taps.backs).toBe(0);
    await press('down');
    expect(focused()).toBe('result');
    await press('enter');
    expect(taps.results).toBe(1);
    // Enter on the keyboard goes back to the key it was left on.
    await press('up', 'enter');
    expect(focused()).toBe('key-Q');
    expect(last()).toEqual([{ key: 'keyboard.layer.latin' }, char('Q')]);
    await press('back', 'back');
    expect(taps.backs).toBe(1);
  });

  it('digit keys type into the field once the keypad has shown it has arrows, in the grid or not', async () => {
    render(<Step language="en" letterCase="upper" />);
    await press('down');
    expect(focused()).toBe('keyboard');
    await press('1', '2');
    expect(typed()).toBe('12');
    expect(last()).toEqual([char('2')]);
    await press('enter', '5');
    expect(typed()).toBe('125');
    expect(focused()).toBe('key-1');
  });

  it('pinyin: letters compose, the candidates are a row above the letters, Enter or a digit key takes one', async () => {
    render(
      <Step language="zh-Hant" lookup={(pinyin) => (pinyin.startsWith('sh') ? ['身份', '申訴'] : [])} />,
    );
    await press('enter');
    expect(focused()).toBe('key-Q');
    expect(last()?.[0]).toEqual({ key: 'keyboard.layer.pinyin' });
    await typeKeys(['key-S', 'key-H']);
    expect(screen.getByTestId('keyboard-composition').textContent).toBe('sh');
    expect(last()).toEqual([char('H')]);
    // Up from the middle row's H goes to the Q row, then to the candidates (the one nearest its column).
    await press('up', 'up');
    expect(focused()).toBe('keyboard-candidate-1');
    expect(last()).toEqual([{ key: 'keyboard.candidate', values: { word: '申訴', number: 2 } }]);
    // On a numeric pad 5 says the pinyin so far and how many candidates there are.
    manager = new FocusManager(document, { speak: (p) => spoken.push(p), repeatScreen: () => {} });
    await press('enter', '5');
    expect(last()).toEqual([
      { key: 'keyboard.composing' },
      char('S'),
      char('H'),
      { key: 'keyboard.candidates', values: { count: 2 } },
      { key: 'keyboard.candidate', values: { word: '身份', number: 1 } },
    ]);
    await press('down', 'up');
    expect(focused()).toBe('keyboard-candidate-0');
    await press('enter');
    expect(typed()).toBe('身份');
    expect(last()).toEqual([{ key: 'keyboard.chose', values: { word: '身份' } }]);
    // The candidates went: the ring is on the nearest key where they were.
    expect(focused()).toBe('key-T');
    // On a keypad with arrows, a digit key takes that candidate, as input methods do.
    await typeKeys(['key-S', 'key-H']);
    await press('2');
    expect(typed()).toBe('身份申訴');
    await typeKeys(['key-S', 'key-H']);
    await press('7');
    expect(last()).toEqual([{ key: 'keyboard.noSuchCandidate', values: { number: 7 } }]);
    expect(unspeakablePrompts(spoken.flat())).toEqual([]);
  });
});
