// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Language } from '../../../electron/rpc/languages.js';
import { createI18n } from '../../i18n/i18n.js';
import { OnScreenKeyboard, type OnScreenKeyboardProps } from './on_screen_keyboard.js';
import { PinPad } from './pin_pad.js';

afterEach(() => cleanup());

/** A field that owns its value, as a flow step does, and shows it for the test to read. */
function Field(props: Partial<OnScreenKeyboardProps> & { language: Language }) {
  const [value, setValue] = useState('');
  return (
    <I18nextProvider i18n={createI18n(props.language)}>
      <output data-testid="value">{value}</output>
      <OnScreenKeyboard value={value} onChange={setValue} {...props} />
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
    const candidates = vi.fn(async (pinyin: string) => (pinyin === 'shenfen' ? ['身份', '申訴'] : []));
    render(<Field language="zh-Hant" candidates={candidates} />);
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

  it('without a candidate source there is no pinyin layer, and Chinese sessions start on letters', () => {
    render(<Field language="zh-Hans" />);
    expect(screen.getByTestId('keyboard').className).toContain('keyboard--latin');
    expect(screen.queryByTestId('keyboard-layer-pinyin')).toBeNull();
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
