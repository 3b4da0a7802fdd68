import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AudioSettings, Prompt } from '../../electron/rpc/guidance_contract.js';
import type { AccessibilityChange } from '../../electron/rpc/session_contract.js';
import { useAnnouncement } from '../a11y/announcements.js';
import { ScrollArea } from '../a11y/scroll_area.js';
import { action } from '../a11y/speakable.js';
import { useRpc } from '../rpc/rpc_context.js';
import { useAccessibilityPanel } from '../stores/accessibility_panel_store.js';
import { useSessionStore } from '../stores/session_store.js';

/** "High contrast: on." — what a switch says when the keypad focuses it (speech keys carry no namespace). */
const switchPrompt = (labelKey: string, on: boolean): Prompt[] => [
  { key: on ? 'focus.on' : 'focus.off', values: { item: { key: labelKey.replace(/^\w+:/, '') } } },
];

function Toggle({
  labelKey,
  on,
  onToggle,
  testId,
}: {
  labelKey: string;
  on: boolean;
  onToggle: () => void;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      role="switch"
      aria-checked={on}
      className="toggle"
      data-testid={testId}
      {...action(switchPrompt(labelKey, on))}
      onClick={onToggle}
    >
      <span>{t(labelKey)}</span>
      <span className={on ? 'toggle__state toggle__state--on' : 'toggle__state'} aria-hidden="true">
        {on ? t('accessibility.on') : t('accessibility.off')}
      </span>
    </button>
  );
}

/** A setting with a − and a + button (volume, speaking rate), its value shown between them. */
function Stepper({
  labelKey,
  value,
  valuePrompt,
  down,
  up,
  testId,
}: {
  labelKey: string;
  value: string;
  valuePrompt: Prompt;
  down: { labelKey: string; onPress?: () => void };
  up: { labelKey: string; onPress?: () => void };
  testId: string;
}) {
  const { t } = useTranslation();
  const button = (side: typeof down, sign: string, suffix: string) => (
    <button
      type="button"
      className="stepper__button"
      aria-label={t(side.labelKey)}
      aria-disabled={side.onPress ? undefined : true}
      data-testid={`${testId}-${suffix}`}
      {...action([{ key: side.labelKey.replace(/^\w+:/, '') }, valuePrompt])}
      onClick={side.onPress}
    >
      {sign}
    </button>
  );
  return (
    <fieldset className="stepper">
      <legend className="stepper__label">{t(labelKey)}</legend>
      {button(down, '−', 'down')}
      <output className="stepper__value" data-testid={`${testId}-value`} aria-live="polite">
        {value}
      </output>
      {button(up, '+', 'up')}
    </fieldset>
  );
}

const voices: AudioSettings['voice'][] = ['auto', 'yue', 'cmn'];

/**
 * High contrast, large text and audio guidance (volume, speaking rate, Cantonese or Mandarin) for this resident.
 * The settings live in the main process's session (a reload keeps them, the session's end drops them); a control
 * asks for the change and the screen follows the session. Opened from the same corner on every screen.
 */
export const AccessibilityPanel = memo(function AccessibilityPanel() {
  const open = useAccessibilityPanel((s) => s.open);
  const inSession = useSessionStore((s) => s.view.phase === 'active');
  return open && inSession ? <OpenPanel /> : null;
});

/** The open panel follows the session's settings (the closed one does not redraw on every push). */
function OpenPanel() {
  const rpc = useRpc();
  const view = useSessionStore((s) => s.view);
  if (view.phase !== 'active') return null;
  const chinese = view.language === 'zh-Hant' || view.language === 'zh-Hans';
  const change = (c: AccessibilityChange) => void rpc.call('session.setAccessibility', c);
  return <PanelDialog settings={view.accessibility} chinese={chinese} change={change} />;
}

function PanelDialog({
  settings,
  chinese,
  change,
}: {
  settings: { highContrast: boolean; largeText: boolean; audio: AudioSettings };
  chinese: boolean;
  change: (change: AccessibilityChange) => void;
}) {
  const { t } = useTranslation();
  const setOpen = useAccessibilityPanel((s) => s.setOpen);
  const { highContrast, largeText, audio } = settings;
  useAnnouncement([{ key: 'accessibility.title' }, { key: 'accessibility.keys' }], 'overlay');
  const step = (field: 'volume' | 'rate', by: number, min: number, max: number) => {
    const next = audio[field] + by;
    return next < min || next > max ? undefined : () => change({ audio: { [field]: next } });
  };
  return (
    <div className="overlay" data-testid="accessibility-panel" data-focus-layer="">
      <div className="dialog dialog--settings" role="dialog" aria-modal="true" aria-labelledby="a11y-title">
        <h2 id="a11y-title" className="dialog__title">
          {t('accessibility.title')}
        </h2>
        <ScrollArea className="settings">
          <Toggle
            labelKey="accessibility.highContrast"
            on={highContrast}
            onToggle={() => change({ highContrast: !highContrast })}
            testId="toggle-high-contrast"
          />
          <Toggle
            labelKey="accessibility.largeText"
            on={largeText}
            onToggle={() => change({ largeText: !largeText })}
            testId="toggle-large-text"
          />
          <Toggle
            labelKey="a11y:audio.switch"
            on={audio.on}
            onToggle={() => change({ audio: { on: !audio.on } })}
            testId="toggle-audio"
          />
          {audio.on ? (
            <>
              <Stepper
                labelKey="a11y:audio.volume"
                value={t('a11y:audio.level', { level: audio.volume })}
                valuePrompt={{ key: 'audio.level', values: { level: audio.volume } }}
                down={{ labelKey: 'a11y:audio.quieter', onPress: step('volume', -1, 1, 10) }}
                up={{ labelKey: 'a11y:audio.louder', onPress: step('volume', 1, 1, 10) }}
                testId="audio-volume"
              />
              <Stepper
                labelKey="a11y:audio.rate"
                value={t('a11y:audio.ratePercent', { rate: audio.rate })}
                valuePrompt={{ key: 'audio.ratePercent', values: { rate: audio.rate } }}
                down={{ labelKey: 'a11y:audio.slower', onPress: step('rate', -25, 50, 200) }}
                up={{ labelKey: 'a11y:audio.faster', onPress: step('rate', 25, 50, 200) }}
                testId="audio-rate"
              />
              {chinese ? (
                <fieldset className="voice-choice">
                  <legend className="stepper__label">{t('a11y:audio.voice')}</legend>
                  <span className="voice-choice__options">
                    {voices.map((voice) => (
                      <label
                        key={voice}
                        className="voice-choice__option"
                        data-testid={`audio-voice-${voice}`}
                        {...action(switchPrompt(`audio.voices.${voice}`, audio.voice === voice))}
                      >
                        <input
                          type="radio"
                          name="spoken-chinese"
                          checked={audio.voice === voice}
                          onChange={() => change({ audio: { voice } })}
                        />
                        {t(`a11y:audio.voices.${voice}`)}
                      </label>
                    ))}
                  </span>
                </fieldset>
              ) : null}
            </>
          ) : null}
        </ScrollArea>
        <div className="dialog__actions">
          <button
            type="button"
            className="primary-button"
            data-testid="accessibility-close"
            {...action([{ key: 'accessibility.close' }], { role: 'back' })}
            onClick={() => setOpen(false)}
          >
            {t('accessibility.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
