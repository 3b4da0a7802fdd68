import type { FlowView } from '../../electron/rpc/flow_contract.js';
import type { BookAppointmentFlowView } from '../../electron/rpc/flows/book_appointment_contract.js';
import type { CheckInFlowView } from '../../electron/rpc/flows/check_in_contract.js';

type BookingFamilyView = BookAppointmentFlowView | CheckInFlowView;

import { eventually } from './eventually.js';
import {
  type KioskAppFixture,
  type KioskAppFixtureOptions,
  startKioskAppFixture,
} from './kiosk_app_fixture.js';

/**
 * A kiosk at the China Plaza centre (where the embedded backend's sample bookings are) offering booking and
 * check-in, with a scanner, a ticket printer and a document reader, over the in-memory embedded backend on the
 * fake clock, which starts now (the simulator's sample passports are signed today). The backend's first moment
 * is its sample state's: SAMP-0001 is booked in the quarter hour running (check-in open), SAMP-0002 a week or
 * more ahead, SAMP-0003 cancelled.
 */
/** The fixture's terminal at China Plaza, as the embedded backend registers it. */
export const chinaPlazaTerminal = { id: 'MO-TEST-01', centreId: 'china-plaza' };

export interface BookingKiosk extends KioskAppFixture {
  /** The step the session shows. */
  flow(): FlowView | undefined;
  /** Waits until the session shows `step` (of any flow), and returns it. */
  stepIs<S extends BookingFamilyView['step']>(
    step: S,
    timeoutMs?: number,
  ): Promise<Extract<BookingFamilyView, { step: S }>>;
  scan(text: string): Promise<void>;
  /** Lays one of the simulator's sample documents on the reader (`null` takes it away). */
  place(sample: string | null): Promise<void>;
  /** A session in `language`, on the service's first step. */
  enter(service: 'book-appointment' | 'check-in', language?: string): Promise<void>;
}

export async function startBookingKiosk(
  overrides: Record<string, unknown> = {},
  options: KioskAppFixtureOptions = { backend: 'embedded' },
): Promise<BookingKiosk> {
  const kiosk = await startKioskAppFixture(
    {
      site: {
        kind: 'macau',
        centreId: 'china-plaza',
        name: { 'zh-Hant': '中華廣場', 'zh-Hans': '中华广场', pt: 'China Plaza', en: 'China Plaza' },
      },
      services: ['book-appointment', 'check-in'],
      devices: [
        { id: 'scanner', kind: 'barcode-scanner', transport: 'simulated' },
        { id: 'ticket', kind: 'ticket-printer', transport: 'simulated' },
        { id: 'reader', kind: 'document-reader', transport: 'simulated' },
      ],
      // The simulator's sample passports are signed by its own CSCA, made today: the fake clock starts now.
      documents: { trustSimulatorCsca: true },
      ...overrides,
    },
    { clockStart: Date.now(), ...options },
  );
  const flow = () => {
    const view = kiosk.app.session.view();
    return view.phase === 'active' ? view.flow : undefined;
  };
  return {
    ...kiosk,
    flow,
    async stepIs(step, timeoutMs = 2_000) {
      const shown = () => {
        const view = flow();
        return view && view.service !== 'home' && view.step === step ? view : undefined;
      };
      await eventually(() => shown() !== undefined, timeoutMs).catch(() => {
        throw new Error(`expected step ${step}, the session shows ${JSON.stringify(flow())}`);
      });
      return shown() as Extract<BookingFamilyView, { step: typeof step }>;
    },
    async scan(text) {
      const done = await kiosk.call('dev.simulate', { action: 'scan', deviceId: 'scanner', text });
      if (!(done as { ok: boolean }).ok) throw new Error(`scan refused: ${JSON.stringify(done)}`);
    },
    async place(sample) {
      await kiosk.call('dev.simulate', { action: 'document', deviceId: 'reader', sample });
    },
    async enter(service, language = 'en') {
      await kiosk.call('session.start', { language });
      await kiosk.call('home.chooseLanguage', { language });
      await kiosk.call('home.openService', { service });
      const started = await kiosk.call('home.startService');
      if (!(started as { ok: boolean }).ok)
        throw new Error(`cannot start ${service}: ${JSON.stringify(started)}`);
    },
  };
}
