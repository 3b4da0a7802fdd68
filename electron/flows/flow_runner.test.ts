import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type KioskAppFixture, startKioskAppFixture } from '../../test/support/kiosk_app_fixture.js';
import type { FlowContext, FlowDefinition, FlowEntry } from './flow.js';
import { flowDefinitions } from './flow_registry.js';
import { FlowRunner } from './flow_runner.js';
import { HomeFlow } from './home/home_flow.js';

/**
 * The runner's rules, with a home flow that records what the runner does to it: a context stops working once its
 * flow is no longer the running one (a flow left behind cannot move the resident), and every flow is disposed
 * when it is left or when the session ends.
 */
describe('flow runner', () => {
  let kiosk: KioskAppFixture;
  let runner: FlowRunner;
  let started: { context: FlowContext; entry: FlowEntry; flow: HomeFlow }[];
  let disposed: HomeFlow[];

  beforeEach(async () => {
    kiosk = await startKioskAppFixture();
    started = [];
    disposed = [];
    const recordingHome: FlowDefinition<'home', HomeFlow> = {
      id: 'home',
      start: (context, services, entry) => {
        const flow = new HomeFlow(context, services, entry);
        const dispose = flow.dispose.bind(flow);
        flow.dispose = () => {
          disposed.push(flow);
          dispose();
        };
        started.push({ context, entry, flow });
        return flow;
      },
    };
    runner = new FlowRunner(kiosk.app.flowServices, { ...flowDefinitions, home: recordingHome });
  });
  afterEach(() => kiosk.close());

  it('starts a session in the home flow, tied to that session', () => {
    const view = runner.startSession('en');
    expect(view).toMatchObject({ phase: 'active', flow: { service: 'home', step: 'language' } });
    expect(started).toHaveLength(1);
    expect(started[0]).toMatchObject({ entry: 'session-start' });
    expect(started[0]?.context.sessionId).toBe(kiosk.app.session.activeSessionId);
    // A double tap keeps the running flow.
    runner.startSession('pt');
    expect(started).toHaveLength(1);
  });

  it('switches flows: the old one is disposed and its context can no longer move the resident', async () => {
    runner.startSession('en');
    const first = started[0]!;
    first.context.switchTo('home');
    expect(disposed).toEqual([first.flow]);
    const second = started[1]!;
    expect(second.entry).toBe('switched');
    expect(kiosk.app.session.view()).toMatchObject({ flow: { step: 'services' } });

    first.context.switchTo('home');
    first.context.endSession('done');
    first.context.stepChanged();
    expect(started).toHaveLength(2);
    expect(kiosk.app.session.view()).toMatchObject({ phase: 'active', flow: { step: 'services' } });

    second.context.endSession('cancelled');
    expect(kiosk.app.session.view()).toEqual({ phase: 'attract' });
    expect(disposed).toEqual([first.flow, second.flow]);
    expect(kiosk.events).toContainEqual({ event: 'session.ended', payload: { reason: 'cancelled' } });
  });

  it('shows a step a flow changed on its own (a device event) once it says so', async () => {
    runner.startSession('en');
    const { flow, context } = started[0]!;
    await runner.dispatch('home', (home) => home.chooseLanguage('en'));
    // The flow moves without an intent (as a card reader's event would move a real flow)…
    flow.openService('check-in');
    expect(kiosk.app.session.view()).toMatchObject({ flow: { step: 'services' } });
    // …and the step reaches the session when the flow says it changed.
    context.stepChanged();
    expect(kiosk.app.session.view()).toMatchObject({ flow: { step: 'service-intro', about: 'check-in' } });
  });

  it('disposes the running flow when the session times out', () => {
    runner.startSession('en');
    kiosk.clock.advance(kiosk.config.timeLimits.idleSeconds * 1000);
    expect(disposed).toEqual([started[0]?.flow]);
    expect(runner.current).toBeNull();
  });
});
