import type { Backend } from '../../electron/backend/contract/backend.js';

/**
 * Books a slot's free places for other residents (R-0002, R-0003), as other kiosks would, until the backend says
 * it is taken: what makes "a time taken while the resident was choosing" happen in a test.
 */
export async function fillSlot(
  backend: Pick<Backend, 'catalogue' | 'createBooking'>,
  slotId: string,
): Promise<void> {
  const [centreId] = slotId.split('/');
  const catalogue = await backend.catalogue({});
  if (!catalogue.ok) throw new Error('catalogue');
  const services = catalogue.value.services.filter((s) => s.bookable && s.centres.includes(centreId!));
  let n = 0;
  for (const residentRef of ['R-0002', 'R-0003']) {
    for (const service of services.slice(0, 3)) {
      const made = await backend.createBooking({
        idempotencyKey: `fill-${slotId.replace(/[^A-Za-z0-9]/g, '')}-${n++}`,
        serviceId: service.id,
        centreId: centreId!,
        slotId,
        residentRef,
      });
      if (!made.ok && made.error.kind === 'rejected' && made.error.rejection.code === 'slot-taken') return;
    }
  }
}
