import { describe, expect, it } from 'vitest';
import { RelayBoardSimulator } from '../locker/relay_board_simulator.js';
import { simulatorControlsWithPlug } from './plug_controls.js';
import type { OtherSimulatorControls } from './simulator_controls.js';

describe('simulatorControlsWithPlug', () => {
  it('keeps `plugged` live, and unplug/replug reach the simulator', () => {
    const board = new RelayBoardSimulator(undefined, new Map([[1, 1]]));
    const extra = { note: 'kept as given' };
    const controls = simulatorControlsWithPlug<OtherSimulatorControls>('ticket-printer', 'p-1', board, {
      extra,
    });
    expect(controls.kind).toBe('ticket-printer');
    expect(controls.deviceId).toBe('p-1');
    expect(controls.extra).toBe(extra);
    expect(controls.plugged).toBe(true);
    controls.unplug();
    expect(controls.plugged).toBe(false);
    expect(board.port.plug.plugged).toBe(false);
    controls.replug();
    expect(controls.plugged).toBe(true);
  });
});
