// @vitest-environment happy-dom
import { act, cleanup, render } from '@testing-library/react';
import { useEffect, useRef } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Prompt } from '../../electron/rpc/guidance_contract.js';
import { activeSession } from '../../test/support/session_views.js';
import { strictRpcClient } from '../../test/support/strict_rpc_client.js';
import { resetResidentStores } from '../stores/resident_store.js';
import { useSessionStore } from '../stores/session_store.js';
import { type AnnouncementLayer, useAnnouncement } from './announcements.js';
import { AudioGuidance } from './audio_guidance.js';
import { registerKeyGrid } from './focus_manager.js';
import { emitKeypadKey } from './keypad_events.js';
import { action } from './speakable.js';

const session = (audioOn: boolean) =>
  activeSession({
    accessibility: {
      highContrast: false,
      largeText: false,
      audio: { on: audioOn, volume: 7, rate: 100, voice: 'auto' },
    },
  });

function Screen({ prompts, layer = 'screen' }: { prompts: Prompt[]; layer?: AnnouncementLayer }) {
  useAnnouncement(prompts, layer);
  return (
    <div className="kiosk">
      <button type="button" {...action([{ key: 'home.finish' }], { role: 'back' })} />
    </div>
  );
}

const said = (calls: { method: string; params: unknown }[]) =>
  calls
    .filter((c) => c.method === 'speech.say')
    .map((c) => (c.params as { prompts: Prompt[] }).prompts.map((p) => p.key));

/** A search step: its words count the results; its keyboard a grid of one key. */
function Search({ found }: { found: number }) {
  useAnnouncement([
    { key: 'book-appointment:search.title' },
    { key: 'book-appointment:services.lead', values: { count: found } },
    { key: 'booking.keys.search' },
  ]);
  const grid = useRef<HTMLDivElement>(null);
  useEffect(
    () =>
      registerKeyGrid(grid.current as HTMLDivElement, {
        activate: () => ({ say: [{ key: 'keyboard.char', values: { char: 'S' } }] }),
        entered: () => [],
        current: () => [],
        digit: () => [],
      }),
    [],
  );
  return (
    <div className="kiosk">
      <div ref={grid} data-focus-grid="" {...action([{ key: 'keyboard.stop' }], { role: 'default' })}>
        <div data-grid-row="">
          <button type="button" data-grid-key="S" {...action([{ key: 'keyboard.char' }])} />
        </div>
      </div>
      <button type="button" {...action([{ key: 'home.finish' }], { role: 'back' })} />
    </div>
  );
}

describe('audio guidance in the renderer', () => {
  beforeEach(() => resetResidentStores());
  afterEach(() => cleanup());

  it('asks for nothing while the session’s audio guidance is off', () => {
    const rpc = strictRpcClient({});
    act(() => useSessionStore.getState().setView(session(false)));
    render(
      <>
        <Screen prompts={[{ key: 'home:services.title' }]} />
        <AudioGuidance client={rpc.client} />
      </>,
    );
    expect(rpc.calls).toEqual([]);
  });

  it('speaks the screen when audio guidance turns on, an overlay over it, and each change of content', () => {
    const rpc = strictRpcClient({ 'speech.say': { ok: true, value: { queued: 1 } } });
    act(() => useSessionStore.getState().setView(session(false)));
    const { rerender } = render(
      <>
        <AudioGuidance client={rpc.client} />
        <Screen prompts={[{ key: 'home:services.title' }]} />
      </>,
    );
    act(() => useSessionStore.getState().setView(session(true)));
    rerender(
      <>
        <AudioGuidance client={rpc.client} />
        <Screen prompts={[{ key: 'home:services.title' }]} />
        <Screen prompts={[{ key: 'idle.title' }]} layer="overlay" />
      </>,
    );
    rerender(
      <>
        <AudioGuidance client={rpc.client} />
        <Screen prompts={[{ key: 'home:services.title' }]} />
        <Screen prompts={[{ key: 'idle.body', values: { count: 10 } }]} layer="overlay" />
      </>,
    );
    expect(said(rpc.calls)).toEqual([['home:services.title'], ['idle.title'], ['idle.body']]);
    expect(rpc.calls.every((c) => (c.params as { mode: string }).mode === 'replace')).toBe(true);
  });

  it('with no session, a keypad key makes the screen speak (attract), and keys then move the focus', () => {
    const rpc = strictRpcClient({ 'speech.say': { ok: true, value: { queued: 1 } } });
    render(
      <>
        <Screen prompts={[{ key: 'attract.keys', language: 'pt' }]} />
        <AudioGuidance client={rpc.client} />
      </>,
    );
    expect(rpc.calls).toEqual([]);
    act(() => emitKeypadKey({ key: 'enter', wake: true }));
    act(() => emitKeypadKey({ key: 'down', wake: false }));
    expect(said(rpc.calls)).toEqual([['attract.keys'], ['home.finish']]);
  });

  it('the waking key of a session does not press anything', () => {
    const rpc = strictRpcClient({ 'speech.say': { ok: true, value: { queued: 1 } } });
    act(() => useSessionStore.getState().setView(session(true)));
    let pressed = 0;
    render(
      <>
        <div className="kiosk">
          <button
            type="button"
            {...action([{ key: 'idle.continue' }], { role: 'default' })}
            onClick={() => {
              pressed += 1;
            }}
          />
        </div>
        <AudioGuidance client={rpc.client} />
      </>,
    );
    act(() => emitKeypadKey({ key: 'enter', wake: true }));
    expect(pressed).toBe(0);
    act(() => emitKeypadKey({ key: 'enter', wake: false }));
    expect(pressed).toBe(1);
  });

  it('a session screen that does not announce itself says so after a moment, and that Help calls staff', () => {
    vi.useFakeTimers();
    try {
      const rpc = strictRpcClient({ 'speech.say': { ok: true, value: { queued: 1 } } });
      act(() => useSessionStore.getState().setView(session(true)));
      const { rerender } = render(
        <>
          <AudioGuidance client={rpc.client} />
          <div className="kiosk" />
        </>,
      );
      act(() => vi.advanceTimersByTime(599));
      expect(said(rpc.calls)).toEqual([]);
      act(() => vi.advanceTimersByTime(1));
      expect(said(rpc.calls)).toEqual([['focus.noGuidance']]);
      // A screen that announces itself within the moment is spoken alone.
      rerender(
        <>
          <AudioGuidance client={rpc.client} />
          <Screen prompts={[{ key: 'home:services.title' }]} />
        </>,
      );
      rerender(
        <>
          <AudioGuidance client={rpc.client} />
          <div className="kiosk" />
        </>,
      );
      act(() => vi.advanceTimersByTime(300));
      rerender(
        <>
          <AudioGuidance client={rpc.client} />
          <Screen prompts={[{ key: 'idle.title' }]} />
        </>,
      );
      act(() => vi.advanceTimersByTime(1_000));
      expect(said(rpc.calls)).toEqual([['focus.noGuidance'], ['home:services.title'], ['idle.title']]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('while the keypad types on a keyboard, a change of the screen says only what changed, after the key', () => {
    const rpc = strictRpcClient({ 'speech.say': { ok: true, value: { queued: 1 } } });
    act(() => useSessionStore.getState().setView(session(true)));
    const { rerender } = render(
      <>
        <AudioGuidance client={rpc.client} />
        <Search found={0} />
      </>,
    );
    act(() => emitKeypadKey({ key: 'enter', wake: false }));
    act(() => emitKeypadKey({ key: 'enter', wake: false }));
    const from = rpc.calls.length;
    rerender(
      <>
        <AudioGuidance client={rpc.client} />
        <Search found={4} />
      </>,
    );
    expect(rpc.calls.slice(from).map((c) => c.params)).toEqual([
      { prompts: [{ key: 'book-appointment:services.lead', values: { count: 4 } }], mode: 'append' },
    ]);
    // Out of the keys, a change is the whole screen again.
    act(() => emitKeypadKey({ key: 'back', wake: false }));
    rerender(
      <>
        <AudioGuidance client={rpc.client} />
        <Search found={2} />
      </>,
    );
    expect(rpc.calls.at(-1)?.params).toMatchObject({ mode: 'replace' });
    expect(said(rpc.calls).at(-1)).toEqual([
      'book-appointment:search.title',
      'book-appointment:services.lead',
      'booking.keys.search',
    ]);
  });
});
