import { ok, type Result } from '../../../lib/result.js';
import type { Backend } from '../../backend/contract/backend.js';
import type { Slot } from '../../backend/contract/bookings.js';
import type { BackendError } from '../../backend/contract/errors.js';
import type { DateStepView, SlotNotice, SlotStepView, SlotView } from '../../rpc/flows/booking_parts.js';
import { addDays, macauDate, slotView } from './booking_views.js';

/**
 * The date and time-slot steps, shared by a new booking and a reschedule ("the same flow from the date step"):
 * the free slots of one service at one centre over the next four weeks, asked of the backend once, grouped by
 * Macau calendar day. Only free slots are offered. When the backend says a slot chosen meanwhile was taken (or has
 * started), the slot is dropped, the step says so, and the next free slots the backend named are offered.
 */

export const availabilityDays = 28;

export class SlotPicker {
  #slots: Slot[] = [];
  #date: string | null = null;
  #notice: SlotNotice = null;

  constructor(
    readonly serviceId: string,
    readonly centreId: string,
    private readonly deps: { backend: Pick<Backend, 'availability'>; now: () => number },
    /** A reschedule leaves out the slot the booking has now. */
    private readonly exceptSlotId: string | null = null,
  ) {}

  /** Asks the backend for the free slots of the coming weeks (again, after a slot was taken). */
  async load(): Promise<Result<void, BackendError>> {
    const from = macauDate(this.deps.now());
    const found = await this.deps.backend.availability({
      serviceId: this.serviceId,
      centreId: this.centreId,
      from,
      to: addDays(from, availabilityDays - 1),
    });
    if (!found.ok) return found;
    this.#slots = found.value.slots.filter((s) => s.free > 0 && s.slotId !== this.exceptSlotId);
    return ok(undefined);
  }

  /** Days with a free slot, earliest first. */
  dates(): { date: string; freeSlots: number }[] {
    const counts = new Map<string, number>();
    for (const slot of this.#slots) {
      const day = macauDate(slot.start);
      counts.set(day, (counts.get(day) ?? 0) + 1);
    }
    return [...counts].map(([date, freeSlots]) => ({ date, freeSlots }));
  }

  get date(): string | null {
    return this.#date;
  }

  get notice(): SlotNotice {
    return this.#notice;
  }

  /** False for a day without a free slot (a stale tap). */
  chooseDate(date: string): boolean {
    if (!this.#slots.some((s) => macauDate(s.start) === date)) return false;
    this.#date = date;
    this.#notice = null;
    return true;
  }

  /** The free slots of the chosen day. */
  slotsOfDate(): SlotView[] {
    return this.#slots.filter((s) => macauDate(s.start) === this.#date).map(slotView);
  }

  /** A slot the resident may choose: one shown on the chosen day, or one the notice offers. */
  find(slotId: string): Slot | undefined {
    const slot = this.#slots.find((s) => s.slotId === slotId);
    if (!slot) return undefined;
    const offered =
      macauDate(slot.start) === this.#date || this.#notice?.nextFree.some((s) => s.slotId === slotId);
    return offered ? slot : undefined;
  }

  /** The resident picked `slot`: its day becomes the chosen one, and a notice about another slot goes. */
  picked(slot: Slot): void {
    this.#date = macauDate(slot.start);
    this.#notice = null;
  }

  /** The backend refused `slotId`: it goes, and the next free ones it named are offered. */
  refused(slotId: string, kind: 'slot-taken' | 'slot-in-past', nextFree: readonly Slot[]): void {
    const refused = this.#slots.find((s) => s.slotId === slotId);
    const named = nextFree.filter((s) => s.free > 0 && s.slotId !== this.exceptSlotId);
    const known = new Set(named.map((s) => s.slotId));
    this.#slots = [...this.#slots.filter((s) => s.slotId !== slotId && !known.has(s.slotId)), ...named].sort(
      (a, b) => Date.parse(a.start) - Date.parse(b.start),
    );
    // A slot that has started comes with no suggestions from the backend: the next ones the kiosk knows.
    const after = refused ? Date.parse(refused.start) : 0;
    const offered = named.length > 0 ? named : this.#slots.filter((s) => Date.parse(s.start) > after);
    this.#notice = { kind, nextFree: offered.slice(0, 5).map(slotView) };
  }
}

/** The slot step of either flow, from its date (or slot) step and the picker's state. */
export function slotStep<S extends string>(
  from: DateStepView<S> | SlotStepView<S>,
  picker: SlotPicker,
): SlotStepView<S> {
  return {
    service: from.service,
    step: 'slot',
    about: from.about,
    centre: from.centre,
    date: picker.date ?? '',
    slots: picker.slotsOfDate(),
    notice: picker.notice,
  };
}
