import {
  type MouseEvent,
  memo,
  type PointerEvent,
  type ReactNode,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { Prompt } from '../../../electron/rpc/guidance_contract.js';
import type { Language } from '../../../electron/rpc/languages.js';
import { type GridAnswer, type KeyGrid, registerKeyGrid } from '../../a11y/focus_manager.js';
import { action } from '../../a11y/speakable.js';
import {
  type KeyboardLayer,
  keyboardLayers,
  layerRows,
  layersFor,
  spokenChar,
  typedText,
} from './keyboard_layouts.js';
import './keyboard.css';

/** Candidates the bar shows at most (each a key of the keypad's digits, as input methods number them). */
const maxChoices = 8;
const noChoices: readonly string[] = [];

export interface OnScreenKeyboardProps {
  value: string;
  onChange(value: string): void;
  /** The session language: Chinese sessions start with pinyin input. */
  language: Language;
  mode?: 'text' | 'digits';
  letterCase?: 'lower' | 'upper';
  maxLength?: number;
  /**
   * Chinese characters or words for the pinyin being composed, best first, as the field's owner has them: it hears
   * the pinyin through `onCompositionChange` and asks the main process, which knows the catalogue's vocabulary in
   * the session's script (the booking search gets them with its results, in the same answer). Until the owner
   * has the new ones, the last are shown. Without it the pinyin layer is not offered.
   */
  candidates?: readonly string[];
  /**
   * Pinyin being composed (before a candidate is chosen), told from the key's own handler before anything is
   * drawn: the owner asks for its candidates, and a search box finds services by pinyin and its initials too.
   */
  onCompositionChange?: (pinyin: string) => void;
  /**
   * The pinyin the candidate bar shows, when the owner shows it with its answer (a keystroke behind the keys, at
   * most until that answer comes); the keyboard's own pinyin otherwise.
   */
  composition?: string;
  /** Shows an Enter key ("Search", "OK") that calls this. */
  onEnter?: () => void;
  enterLabel?: string;
  /**
   * What is typed must never be spoken: audio guidance says how many characters the field holds instead of them
   * (the keys are still named as the keypad reaches them, or a resident could not find them).
   */
  secret?: boolean;
}

/**
 * The kiosk's own keyboard: the operating system's touch keyboard is unreliable in a kiosk window and knows
 * nothing of the session language. Every key is a real `<button>` with a spoken name, at least 7 vmin square,
 * so it works with touch, the tactile keypad's focus order and assistive technology alike; what a resident typed
 * lives only in the field that owns `value` (the flow wipes it when the session ends). Memoised: a screen that
 * redraws around it (search results arriving) leaves it alone when its props are stable.
 *
 * The tactile keypad works it as a grid (focus_manager.ts, `registerKeyGrid`): the keyboard is one stop of the
 * screen's order, the first, and Enter's default; Enter goes into its keys, the arrows move over them row by row,
 * each key is said by what it types ("B", "A with tilde", "dash", a candidate's characters), Enter presses it and
 * hears it back, 5 hears what the field holds, Back comes out to the screen's other actions. A tap and the keypad
 * run the same `run(id)`.
 */
export const OnScreenKeyboard = memo(function OnScreenKeyboard({ value, ...rest }: OnScreenKeyboardProps) {
  // The keys act on the field as of the last key (`fieldRef.current`), and nothing drawn shows it: a keystroke that
  // only changes the field redraws this wrapper, not the keyboard's 40 keys and their spoken names.
  const fieldRef = useRef(value);
  fieldRef.current = value;
  return <Keyboard fieldRef={fieldRef} {...rest} />;
});

const Keyboard = memo(function Keyboard({
  fieldRef,
  onChange,
  language,
  mode = 'text',
  letterCase = 'lower',
  maxLength = 64,
  candidates,
  onCompositionChange,
  composition: shownComposition,
  onEnter,
  enterLabel,
  secret = false,
}: Omit<OnScreenKeyboardProps, 'value'> & { fieldRef: { current: string } }) {
  const { t } = useTranslation('input');
  const chinese = language === 'zh-Hant' || language === 'zh-Hans';
  const layers = layersFor(mode, chinese).filter((l) => l !== 'pinyin' || candidates !== undefined);
  const [layer, setLayerState] = useState<KeyboardLayer>(layers[0] ?? 'latin');
  const [composition, setCompositionState] = useState('');
  const shown = shownComposition ?? composition;
  // The candidates shown: the owner's, while something is composed (a word just chosen leaves none).
  const choices = useMemo(
    () => (shown && candidates ? [...new Set(candidates)].slice(0, maxChoices) : noChoices),
    [shown, candidates],
  );
  // What the keys act on as of the last key: the tactile keypad's keys may come before the next render.
  const now = useRef({ layer, composition, choices });
  now.current.choices = now.current.composition ? choices : noChoices;
  const setLayer = (next: KeyboardLayer) => {
    now.current.layer = next;
    setLayerState(next);
  };
  /**
   * The pinyin changed: told to the owner in the key's own handler, before the keyboard draws it, so the search
   * on the pinyin (and the question for its candidates) goes out without waiting for a render.
   */
  const setComposition = (next: string) => {
    if (next === now.current.composition) return;
    now.current.composition = next;
    if (!next) now.current.choices = noChoices;
    setCompositionState(next);
    onCompositionChange?.(next);
  };
  const change = (next: string) => {
    fieldRef.current = next;
    onChange(next);
  };

  const append = (text: string): boolean => {
    if (fieldRef.current.length + text.length > maxLength) return false;
    change(fieldRef.current + text);
    return true;
  };
  /** What is said back after a character is typed: the character, or for a secret field how many there are. */
  const echo = (char: string): Prompt[] =>
    secret
      ? [{ key: 'keyboard.typedCount', values: { count: [...fieldRef.current].length } }]
      : [spokenChar(char)];
  const full: GridAnswer = { say: [{ key: 'keyboard.full' }] };

  const type = (key: string): GridAnswer => {
    const { layer: shown, composition: composing } = now.current;
    const text = typedText(key, shown, letterCase);
    if (shown === 'pinyin') {
      if (composing.length >= 24) return full;
      setComposition(composing + text);
      return { say: [spokenChar(text)] };
    }
    return append(text) ? { say: echo(text) } : full;
  };
  const choose = (word: string): GridAnswer => {
    const typed = append(word);
    setComposition('');
    return typed ? { say: [{ key: 'keyboard.chose', values: { word } }] } : full;
  };
  const backspace = (): GridAnswer => {
    const { composition: composing } = now.current;
    const field = fieldRef.current;
    if (composing) {
      setComposition(composing.slice(0, -1));
      return { say: [{ key: 'keyboard.deleted' }, spokenChar(composing.slice(-1))] };
    }
    const chars = [...field];
    const gone = chars.pop();
    if (gone === undefined) return { say: [{ key: 'keyboard.empty' }] };
    change(chars.join(''));
    return { say: [{ key: 'keyboard.deleted' }, ...(secret ? [] : [spokenChar(gone)])] };
  };
  const space = (): GridAnswer => {
    const { composition: composing, choices: found } = now.current;
    const field = fieldRef.current;
    // As in every pinyin input method, space takes the first candidate.
    if (composing) return found[0] ? choose(found[0]) : { say: [{ key: 'input:keyboard.noCandidates' }] };
    if (field && !field.endsWith(' ')) append(' ');
    return { say: [spokenChar(' ')] };
  };
  const switchTo = (next: KeyboardLayer): GridAnswer => {
    setComposition('');
    setLayer(next);
    const first = layerRows[next][0]?.[0] ?? '';
    return { say: [{ key: `keyboard.layer.${next}` }, spokenChar(first)], focus: first };
  };

  /** Does what the key `id` does (a letter's id is its keycap; the others: `space`, `layer-digits`…). */
  const run = (id: string): GridAnswer => {
    if (id.startsWith('candidate-')) {
      const word = now.current.choices[Number(id.slice('candidate-'.length))];
      return word ? choose(word) : { say: [] };
    }
    const next = keyboardLayers.find((l) => id === `layer-${l}`);
    if (next) return switchTo(next);
    switch (id) {
      case 'space':
        return space();
      case 'backspace':
        return backspace();
      case 'clear':
        setComposition('');
        change('');
        return { say: [{ key: 'keyboard.cleared' }] };
      case 'enter':
        onEnter?.();
        return { say: [] };
      default:
        return type(id);
    }
  };

  /** What the field holds, said on 5: spelled when it is a code (letters in capitals, or digits), else as words. */
  const current = (): Prompt[] => {
    const { composition: composing, choices: found } = now.current;
    const field = fieldRef.current;
    if (secret) return [{ key: 'keyboard.typedCount', values: { count: [...field].length } }];
    if (!field && !composing) return [{ key: 'keyboard.empty' }];
    const spell = (letterCase === 'upper' || mode === 'digits') && [...field].length <= 32;
    const typed: Prompt[] = spell
      ? [...field].map(spokenChar)
      : [{ key: 'keyboard.word', values: { text: field.slice(-120) } }];
    return [
      ...(field ? [{ key: 'keyboard.typed' }, ...typed] : []),
      ...(composing
        ? [
            { key: 'keyboard.composing' },
            ...[...composing].map(spokenChar),
            { key: 'keyboard.candidates', values: { count: found.length } },
          ]
        : []),
    ];
  };

  /** A digit key of the tactile keypad: while pinyin is composed it takes that candidate, as input methods do. */
  const digit = (d: string): GridAnswer => {
    if (now.current.composition) {
      const word = now.current.choices[Number(d) - 1];
      return word
        ? choose(word)
        : { say: [{ key: 'keyboard.noSuchCandidate', values: { number: Number(d) } }] };
    }
    return append(d) ? { say: echo(d) } : full;
  };

  // How the keys work is said the first time the keypad goes into this keyboard; after that only which keys these are.
  const told = useRef(false);
  const entered = (): Prompt[] => {
    const how: Prompt[] = told.current ? [] : [{ key: 'keyboard.how' }];
    told.current = true;
    return [{ key: `keyboard.layer.${now.current.layer}` }, ...how];
  };
  const keypad = useRef<KeyGrid>({ activate: run, entered, current, digit: (d) => digit(d).say });
  keypad.current = { activate: run, entered, current, digit: (d) => digit(d).say };
  const fieldset = useRef<HTMLFieldSetElement>(null);
  useEffect(() => {
    if (!fieldset.current) return;
    return registerKeyGrid(fieldset.current, {
      activate: (id) => keypad.current.activate(id),
      entered: () => keypad.current.entered(),
      current: () => keypad.current.current(),
      digit: (d) => keypad.current.digit(d),
    });
  }, []);

  // The keys are drawn once per layer (a keystroke changes the field and the candidate bar, not 30 keys) and have
  // no handlers of their own: the keyboard hears their presses and clicks and runs the key's `data-grid-key`.
  const latestRun = useRef(run);
  latestRun.current = run;
  const onPointerDown = useCallback((event: PointerEvent<HTMLFieldSetElement>) => {
    if (!event.isPrimary || event.button !== 0) return;
    const id = pressedKey(event.target, event.currentTarget);
    if (id === undefined) return;
    // The press keeps the focus where it was (the keypad's ring stays put; nothing blurs and focuses per key).
    event.preventDefault();
    latestRun.current(id);
  }, []);
  const onClick = useCallback((event: MouseEvent<HTMLFieldSetElement>) => {
    // A click from a finger or a mouse (detail ≥ 1) follows a press the key has already acted on; a click without
    // one — Enter or space on a focused key, assistive technology — is the key's only event.
    if (event.detail !== 0) return;
    const id = pressedKey(event.target, event.currentTarget);
    if (id !== undefined) latestRun.current(id);
  }, []);

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the keys are buttons; Enter and space on one arrive here as its click
    <fieldset
      ref={fieldset}
      className={`keyboard keyboard--${layer}`}
      data-testid="keyboard"
      data-focus-grid=""
      // Focusable (not in the tab order), so the keypad's ring on the keyboard is the document's focus too.
      tabIndex={-1}
      {...action([{ key: 'keyboard.stop' }], { role: 'default', order: -1 })}
      onPointerDown={onPointerDown}
      onClick={onClick}
    >
      <legend className="visually-hidden">{t('keyboard.name')}</legend>
      {layer === 'pinyin' ? <CandidateBar composition={shown} choices={choices} /> : null}
      <KeyRows layer={layer} letterCase={letterCase} />
      <ControlRow
        otherLayers={layers.filter((l) => l !== layer).join(' ')}
        space={mode === 'text'}
        enterLabel={onEnter ? (enterLabel ?? null) : undefined}
      />
    </fieldset>
  );
});

/**
 * The pinyin being composed and its candidates: the one part of the keyboard a pinyin keystroke changes, so it is
 * the only part drawn again (the keys and the controls, with their translated names, are not).
 */
const CandidateBar = memo(function CandidateBar({
  composition,
  choices,
}: {
  composition: string;
  choices: readonly string[];
}) {
  const { t } = useTranslation('input');
  return (
    <div
      className="keyboard__candidates"
      data-testid="keyboard-candidates"
      data-grid-row=""
      aria-live="polite"
    >
      <span className="keyboard__composition" data-testid="keyboard-composition">
        {composition}
      </span>
      {choices.map((word, i) => (
        <button
          type="button"
          key={word}
          className="keyboard__candidate"
          data-testid={`keyboard-candidate-${i}`}
          {...gridKey(`candidate-${i}`, [{ key: 'keyboard.candidate', values: { word, number: i + 1 } }])}
        >
          {word}
        </button>
      ))}
      {composition && choices.length === 0 ? (
        <span className="keyboard__no-candidates">{t('keyboard.noCandidates')}</span>
      ) : null}
    </div>
  );
});

/**
 * The row under the letters: the other layers, space, backspace, clear and Enter. Its props are strings, so typing
 * never draws it again; a layer switch does.
 */
const ControlRow = memo(function ControlRow({
  otherLayers,
  space,
  enterLabel,
}: {
  /** The layers offered besides the one shown, space-separated (a string, so an equal list is an equal prop). */
  otherLayers: string;
  space: boolean;
  /** Enter's own label, null for the default one, undefined for no Enter key. */
  enterLabel: string | null | undefined;
}) {
  const { t } = useTranslation('input');
  const enter = enterLabel === undefined ? null : (enterLabel ?? t('keyboard.enter'));
  return (
    <div className="keyboard__row keyboard__row--controls" data-grid-row="">
      {(otherLayers ? (otherLayers.split(' ') as KeyboardLayer[]) : []).map((l) => (
        <ControlKey
          key={l}
          id={`layer-${l}`}
          testId={`keyboard-layer-${l}`}
          kind="control"
          label={t(`keyboard.layerName.${l}`)}
          spoken={{ key: 'keyboard.switch', values: { layer: { key: `input:keyboard.layerName.${l}` } } }}
        >
          {t(`keyboard.layer.${l}`)}
        </ControlKey>
      ))}
      {space ? (
        <ControlKey
          id="space"
          testId="key-space"
          kind="space"
          label={t('keyboard.space')}
          spoken={spokenChar(' ')}
        >
          {t('keyboard.space')}
        </ControlKey>
      ) : null}
      <ControlKey
        id="backspace"
        testId="key-backspace"
        kind="control"
        label={t('keyboard.backspace')}
        spoken={{ key: 'input:keyboard.backspace' }}
      >
        ⌫
      </ControlKey>
      <ControlKey
        id="clear"
        testId="key-clear"
        kind="control"
        label={t('keyboard.clear')}
        spoken={{ key: 'keyboard.clear' }}
      >
        {t('keyboard.clear')}
      </ControlKey>
      {enter === null ? null : (
        <ControlKey
          id="enter"
          testId="key-enter"
          kind="enter"
          spoken={{ key: 'keyboard.enter', values: { label: enter } }}
        >
          {enter}
        </ControlKey>
      )}
    </div>
  );
});

/** One key of the control row: its grid id, what the keypad says on it, and its name when its face is a symbol. */
function ControlKey({
  id,
  testId,
  kind,
  label,
  spoken,
  children,
}: {
  id: string;
  testId: string;
  kind: 'control' | 'space' | 'enter';
  label?: string;
  spoken: Prompt;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={`keyboard__key keyboard__key--${kind}`}
      data-testid={testId}
      aria-label={label}
      {...gridKey(id, [spoken])}
    >
      {children}
    </button>
  );
}

/**
 * The key of `keyboard` under a press or a click, by its grid id; none for a disabled key or the space between keys.
 * Keys act on the press, as a physical keyboard's do (WCAG 2.5.2 counts keyboard emulation among the functions a
 * down-event may complete): the search goes out while the finger is still down, and a kiosk's touchscreen sends its
 * release ~100 ms after.
 */
function pressedKey(target: EventTarget, keyboard: Element): string | undefined {
  const key = target instanceof Element ? target.closest<HTMLButtonElement>('button[data-grid-key]') : null;
  if (!key || key.disabled || !keyboard.contains(key)) return undefined;
  return key.dataset.gridKey;
}

/** A key the tactile keypad reaches inside the keyboard's grid: its id, and what is said when it is reached. */
function gridKey(id: string, prompts: Prompt[]) {
  return { 'data-grid-key': id, 'data-speak': JSON.stringify(prompts) };
}

/** A layer's letter keys: drawn again only when the layer or the case changes. */
const KeyRows = memo(function KeyRows({
  layer,
  letterCase,
}: {
  layer: KeyboardLayer;
  letterCase: 'lower' | 'upper';
}) {
  return (
    <>
      {layerRows[layer].map((row) => (
        <div className="keyboard__row" key={row.join('')} data-grid-row="">
          {row.map((key) => (
            <button
              type="button"
              key={key}
              className="keyboard__key"
              data-testid={`key-${key}`}
              aria-label={typedText(key, layer, letterCase)}
              {...gridKey(key, [spokenChar(key)])}
            >
              {key}
            </button>
          ))}
        </div>
      ))}
    </>
  );
});
