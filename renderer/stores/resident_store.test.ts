import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useAccessibilityPanel } from './accessibility_panel_store.js';
import { useKioskStore } from './kiosk_store.js';
import { usePrintStore } from './print_store.js';
import { createResidentStore, resetResidentStores } from './resident_store.js';
import { useSessionStore } from './session_store.js';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('resident stores', () => {
  it('go back to their initial data when the session ends, each registered by being created', () => {
    const useNotes = createResidentStore<{ notes: string[]; pin: string | null; add(note: string): void }>(
      { notes: [], pin: null },
      (set) => ({ add: (note) => set((s) => ({ notes: [...s.notes, note], pin: '1234' })) }),
    );
    useNotes.getState().add('a resident’s note');
    useSessionStore.getState().setView({
      phase: 'active',
      sessionId: 's1',
      language: 'pt',
      accessibility: {
        highContrast: true,
        largeText: true,
        audio: { on: true, volume: 7, rate: 100, voice: 'auto' },
      },
      flow: { service: 'home', step: 'service-intro', about: 'check-in' },
      warning: { secondsLeft: 20 },
      extensionsLeft: 3,
    });
    usePrintStore.getState().update({ jobId: 9, paper: 'ticket', state: 'printing', reason: null });
    usePrintStore.getState().showUnprintable({ reason: 'missing-glyphs' });
    useAccessibilityPanel.getState().setOpen(true);
    useKioskStore.getState().setConnection('connected');

    resetResidentStores();

    expect(useNotes.getState()).toMatchObject({ notes: [], pin: null });
    expect(useSessionStore.getState()).toMatchObject({ view: { phase: 'attract' }, warningDeadline: null });
    expect(usePrintStore.getState()).toMatchObject({ jobs: [], dismissed: [], unprintable: null });
    expect(useAccessibilityPanel.getState().open).toBe(false);
    // The terminal's own store is not a resident's: it outlives the session.
    expect(useKioskStore.getState().connected).toBe(true);
    // The actions survive the reset.
    useNotes.getState().add('next resident');
    expect(useNotes.getState().notes).toEqual(['next resident']);
  });

  it('are the only stores besides the terminal’s own: no renderer file calls zustand’s create directly', () => {
    const direct = sourceFiles('renderer').filter((path) =>
      /import\s*\{[^}]*\bcreate\b[^}]*\}\s*from\s*'zustand'/.test(readFileSync(path, 'utf8')),
    );
    expect(direct.map((p) => p.split('\\').join('/')).sort()).toEqual([
      'renderer/stores/kiosk_store.ts',
      'renderer/stores/resident_store.ts',
    ]);
  });
});
