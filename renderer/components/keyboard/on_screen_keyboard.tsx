import { memo, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../electron/rpc/languages.js';
import { type KeyboardLayer, layerRows, layersFor, typedText } from './keyboard_layouts.js';
import './keyboard.css';

export interface OnScreenKeyboardProps {
  value: string;
  onChange(value: string): void;
  /** The session language: Chinese sessions start with pinyin input. */
  language: Language;
  mode?: 'text' | 'digits';
  letterCase?: 'lower' | 'upper';
  maxLength?: number;
  /**
   * Chinese characters or words for a pinyin syllable string, best first — asked of the main process, which
   * knows the catalogue's vocabulary in the session's script. Without it the pinyin layer is not offered.
   */
  candidates?: (pinyin: string) => Promise<string[]>;
  /**
   * Pinyin being composed (before a candidate is chosen), for a field that acts on it as it is typed: a search
   * box finds services by pinyin and its initials too.
   */
  onCompositionChange?: (pinyin: string) => void;
  /** Shows an Enter key ("Search", "OK") that calls this. */
  onEnter?: () => void;
  enterLabel?: string;
}

/**
 * The kiosk's own keyboard: the operating system's touch keyboard is unreliable in a kiosk window and knows
 * nothing of the session language. Every key is a real `<button>` with a spoken name, at least 7 vmin square,
 * so it works with touch, the tactile keypad's focus order and assistive technology alike; what a resident typed
 * lives only in the field that owns `value` (the flow wipes it when the session ends). Memoised: a screen that
 * redraws around it (search results arriving) leaves it alone when its props are stable.
 */
export const OnScreenKeyboard = memo(function OnScreenKeyboard({
  value,
  onChange,
  language,
  mode = 'text',
  letterCase = 'lower',
  maxLength = 64,
  candidates,
  onCompositionChange,
  onEnter,
  enterLabel,
}: OnScreenKeyboardProps) {
  const { t } = useTranslation('input');
  const chinese = language === 'zh-Hant' || language === 'zh-Hans';
  const layers = layersFor(mode, chinese).filter((l) => l !== 'pinyin' || candidates !== undefined);
  const [layer, setLayer] = useState<KeyboardLayer>(layers[0] ?? 'latin');
  const [composition, setComposition] = useState('');
  const [choices, setChoices] = useState<string[]>([]);

  useEffect(() => {
    onCompositionChange?.(composition);
  }, [composition, onCompositionChange]);

  useEffect(() => {
    if (!composition || !candidates) {
      setChoices([]);
      return;
    }
    let current = true;
    void candidates(composition).then((found) => {
      if (current) setChoices([...new Set(found)].slice(0, 8));
    });
    return () => {
      current = false;
    };
  }, [composition, candidates]);

  const append = (text: string) => {
    if (value.length + text.length <= maxLength) onChange(value + text);
  };
  const press = (key: string) => {
    if (layer === 'pinyin')
      setComposition((c) => (c.length < 24 ? c + typedText(key, layer, letterCase) : c));
    else append(typedText(key, layer, letterCase));
  };
  // The letter keys are drawn once per layer: a keystroke changes the field and the candidate bar, not 30 keys.
  const latestPress = useRef(press);
  latestPress.current = press;
  const pressKey = useCallback((key: string) => latestPress.current(key), []);

  const choose = (word: string) => {
    append(word);
    setComposition('');
  };
  const backspace = () => {
    if (composition) setComposition((c) => c.slice(0, -1));
    else onChange([...value].slice(0, -1).join(''));
  };
  const space = () => {
    // As in every pinyin input method, space takes the first candidate.
    if (composition) {
      if (choices[0]) choose(choices[0]);
      return;
    }
    if (value && !value.endsWith(' ')) append(' ');
  };
  const clear = () => {
    setComposition('');
    onChange('');
  };

  return (
    <fieldset className={`keyboard keyboard--${layer}`} data-testid="keyboard">
      <legend className="visually-hidden">{t('keyboard.name')}</legend>
      {layer === 'pinyin' ? (
        <div className="keyboard__candidates" data-testid="keyboard-candidates" aria-live="polite">
          <span className="keyboard__composition" data-testid="keyboard-composition">
            {composition}
          </span>
          {choices.map((word, i) => (
            <button
              type="button"
              key={word}
              className="keyboard__candidate"
              data-testid={`keyboard-candidate-${i}`}
              onClick={() => choose(word)}
            >
              {word}
            </button>
          ))}
          {composition && choices.length === 0 ? (
            <span className="keyboard__no-candidates">{t('keyboard.noCandidates')}</span>
          ) : null}
        </div>
      ) : null}
      <KeyRows layer={layer} letterCase={letterCase} press={pressKey} />
      <div className="keyboard__row keyboard__row--controls">
        {layers.length > 1
          ? layers
              .filter((l) => l !== layer)
              .map((l) => (
                <button
                  type="button"
                  key={l}
                  className="keyboard__key keyboard__key--control"
                  data-testid={`keyboard-layer-${l}`}
                  aria-label={t(`keyboard.layerName.${l}`)}
                  onClick={() => {
                    setComposition('');
                    setLayer(l);
                  }}
                >
                  {t(`keyboard.layer.${l}`)}
                </button>
              ))
          : null}
        {mode === 'text' ? (
          <button
            type="button"
            className="keyboard__key keyboard__key--space"
            data-testid="key-space"
            aria-label={t('keyboard.space')}
            onClick={space}
          >
            {t('keyboard.space')}
          </button>
        ) : null}
        <button
          type="button"
          className="keyboard__key keyboard__key--control"
          data-testid="key-backspace"
          aria-label={t('keyboard.backspace')}
          onClick={backspace}
        >
          ⌫
        </button>
        <button
          type="button"
          className="keyboard__key keyboard__key--control"
          data-testid="key-clear"
          aria-label={t('keyboard.clear')}
          onClick={clear}
        >
          {t('keyboard.clear')}
        </button>
        {onEnter ? (
          <button
            type="button"
            className="keyboard__key keyboard__key--enter"
            data-testid="key-enter"
            onClick={onEnter}
          >
            {enterLabel ?? t('keyboard.enter')}
          </button>
        ) : null}
      </div>
    </fieldset>
  );
});

/** A layer's letter keys; `press` is stable, so the keys render again only when the layer or the case changes. */
const KeyRows = memo(function KeyRows({
  layer,
  letterCase,
  press,
}: {
  layer: KeyboardLayer;
  letterCase: 'lower' | 'upper';
  press: (key: string) => void;
}) {
  return (
    <>
      {layerRows[layer].map((row) => (
        <div className="keyboard__row" key={row.join('')}>
          {row.map((key) => (
            <button
              type="button"
              key={key}
              className="keyboard__key"
              data-testid={`key-${key}`}
              aria-label={typedText(key, layer, letterCase)}
              onClick={() => press(key)}
            >
              {key}
            </button>
          ))}
        </div>
      ))}
    </>
  );
});
