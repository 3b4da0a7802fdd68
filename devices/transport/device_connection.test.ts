import { describe, expect, it } from 'vitest';
import { DeviceConnection } from './device_connection.js';
import type { TransferResult } from './usb_transport.js';

class Handle {
  closed = false;
  async close() {
    this.closed = true;
  }
}

describe('DeviceConnection', () => {
  it('connects lazily on acquire and reuses the handle', async () => {
    let opens = 0;
    const connection = new DeviceConnection(async (): Promise<TransferResult<Handle>> => {
      opens += 1;
      return { ok: true, value: new Handle() };
    });
    expect(connection.state).toBe('disconnected');
    const a = await connection.acquire();
    const b = await connection.acquire();
    expect(a.ok && b.ok && a.value === b.value).toBe(true);
    expect(opens).toBe(1);
  });

  it('backs off exponentially while the device is absent and reconnects at once on nudge', async () => {
    const attempts: number[] = [];
    let present = false;
    const connection = new DeviceConnection(
      async (): Promise<TransferResult<Handle>> => {
        attempts.push(performance.now());
        return present ? { ok: true, value: new Handle() } : { ok: false, error: { code: 'disconnected' } };
      },
      { initialMs: 10, maxMs: 80, factor: 2 },
    );
    connection.start();
    await new Promise((resolve) => setTimeout(resolve, 200));
    // 0, 10, 30, 70, 150 ms: about 5 attempts in 200 ms, not 20.
    expect(attempts.length).toBeGreaterThanOrEqual(4);
    expect(attempts.length).toBeLessThanOrEqual(6);
    present = true;
    connection.nudge();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(connection.state).toBe('connected');
    await connection.stop();
  });

  it('closes a faulted handle, ignores stale faults, and survives an open that throws', async () => {
    let calls = 0;
    const handles: Handle[] = [];
    const connection = new DeviceConnection(
      async (): Promise<TransferResult<Handle>> => {
        calls += 1;
        if (calls === 2) throw new Error('native crash');
        const handle = new Handle();
        handles.push(handle);
        return { ok: true, value: handle };
      },
      { initialMs: 5, maxMs: 5, factor: 1 },
    );
    const states: string[] = [];
    connection.onState((state) => states.push(state));
    connection.start();
    const first = await connection.connected();
    connection.fault(first!, { code: 'disconnected' });
    connection.fault(first!, { code: 'disconnected' });
    const second = await connection.connected();
    expect(second).not.toBe(first);
    expect(handles[0]!.closed).toBe(true);
    expect(states.filter((s) => s === 'connected')).toHaveLength(2);
    await connection.stop();
    expect(second!.closed).toBe(true);
    expect(await connection.connected()).toBeUndefined();
  });

  it('opens nothing after stop, even for a late acquire, until started again', async () => {
    let opens = 0;
    const connection = new DeviceConnection(async (): Promise<TransferResult<Handle>> => {
      opens += 1;
      return { ok: true, value: new Handle() };
    });
    connection.start();
    await connection.connected();
    await connection.stop();
    expect(await connection.acquire()).toEqual({ ok: false, error: { code: 'disconnected' } });
    expect(opens).toBe(1);
    connection.start();
    expect(await connection.connected()).toBeDefined();
    expect(opens).toBe(2);
    await connection.stop();
  });
});
