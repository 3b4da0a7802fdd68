import { describe, expect, it } from 'vitest';
import type { Suite } from '../contract_suite.js';
import { refusal, value } from '../result_helpers.js';

/** Catalogue, terminal profile, Smart Locker points and availability. Part of the one backend contract suite (contract_suite.ts). */

export function catalogueContract(suite: Suite): void {
  describe('catalogue', () => {
    it('lists departments, services, centres and locker points that refer to each other', async () => {
      const c = await suite.catalogue();
      const codes = new Set(c.departments.map((d) => d.code));
      const centres = new Set(c.centres.map((x) => x.id));
      for (const id of ['china-plaza', 'flora', 'fai-chi-kei', 'areia-preta', 'taipa-lake', 'islands']) {
        expect(centres).toContain(id);
      }
      for (const id of ['seac-pai-van', 'three-lamps', 'new-neighbourhood', 'hengqin-gsc']) {
        expect(centres).toContain(id);
      }
      expect(c.services.length).toBeGreaterThan(0);
      for (const s of c.services) {
        expect(codes).toContain(s.department);
        for (const centre of s.centres) expect(centres).toContain(centre);
      }
      const hengqin = c.services.filter((s) => s.site === 'hengqin');
      expect(hengqin.length).toBeGreaterThan(0);
      for (const s of hengqin)
        expect(c.departments.find((d) => d.code === s.department)?.mainland).toBe(true);
      expect(c.lockerPoints.length).toBeGreaterThan(0);
    });

    it("has counters at the example terminals' centres, where this suite books (others are self-service)", async () => {
      const c = await suite.catalogue();
      const hours = (id: string) => c.centres.find((x) => x.id === id)?.counterHours;
      expect(hours('china-plaza')).toMatch(/^\d{2}:\d{2}-\d{2}:\d{2}$/);
      expect(hours('hengqin-gsc')).toMatch(/^\d{2}:\d{2}-\d{2}:\d{2}$/);
      expect(hours('flora')).toBe('24h');
    });

    it('tells a terminal where it stands and what it offers; an unknown terminal is not found', async () => {
      const macau = value(await suite.backend.terminalProfile({ terminalId: 'MO-DEV-01' }));
      expect(macau).toMatchObject({ centreId: 'china-plaza', site: 'macau' });
      const c = await suite.catalogue();
      const siteOf = (id: string) => c.services.find((s) => s.id === id)?.site;
      expect(macau.serviceIds.length).toBeGreaterThan(0);
      expect(macau.serviceIds.every((id) => siteOf(id) === 'macau')).toBe(true);
      const hengqin = value(await suite.backend.terminalProfile({ terminalId: 'HQ-GSC-01' }));
      expect(hengqin).toMatchObject({ centreId: 'hengqin-gsc', site: 'hengqin' });
      expect(hengqin.serviceIds.some((id) => siteOf(id) === 'hengqin')).toBe(true);
      expect(refusal(await suite.backend.terminalProfile({ terminalId: 'MO-NOWHERE-9' }))).toEqual({
        code: 'not-found',
        subject: 'terminal',
      });
    });

    it('sorts Smart Locker points nearest first with their free compartments', async () => {
      const { points } = value(await suite.backend.lockerPoints({ nearCentreId: 'china-plaza' }));
      expect(points.length).toBe((await suite.catalogue()).lockerPoints.length);
      const distances = points.map((p) => p.distanceMetres ?? -1);
      expect(distances).toEqual([...distances].sort((a, b) => a - b));
      expect(distances[0]).toBeGreaterThanOrEqual(0);
      expect(refusal(await suite.backend.lockerPoints({ nearCentreId: 'atlantis' }))).toMatchObject({
        code: 'not-found',
      });
    });
  });

  describe('availability', () => {
    it('offers only future slots with free places at that centre, earliest first', async () => {
      const [service] = await suite.bookableAt('china-plaza');
      const { slots } = value(
        await suite.backend.availability({
          serviceId: service!.id,
          centreId: 'china-plaza',
          from: '2026-03-02',
          to: '2026-03-06',
        }),
      );
      expect(slots.length).toBeGreaterThan(0);
      const starts = slots.map((s) => Date.parse(s.start));
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
      expect(starts[0]).toBeGreaterThan(suite.clock.now());
      expect(slots.every((s) => s.centreId === 'china-plaza' && s.free > 0 && s.free <= s.capacity)).toBe(
        true,
      );
      expect(Math.max(...starts)).toBeLessThan(Date.parse('2026-03-07T00:00:00+08:00'));
    });

    it('says when a service is not handled at a centre, not bookable, or unknown', async () => {
      const c = await suite.catalogue();
      const elsewhere = c.services.find((s) => s.bookable && !s.centres.includes('china-plaza'));
      if (elsewhere) {
        expect(
          refusal(
            await suite.backend.availability({
              serviceId: elsewhere.id,
              centreId: 'china-plaza',
              ...suite.nextWeek(),
            }),
          ),
        ).toEqual({ code: 'not-offered-here' });
      }
      const unbookable = c.services.find((s) => !s.bookable);
      if (unbookable) {
        const centreId = unbookable.centres[0]!;
        expect(
          refusal(
            await suite.backend.availability({ serviceId: unbookable.id, centreId, ...suite.nextWeek() }),
          ),
        ).toEqual({ code: 'not-bookable' });
      }
      expect(
        refusal(
          await suite.backend.availability({
            serviceId: 'no-such-service',
            centreId: 'china-plaza',
            ...suite.nextWeek(),
          }),
        ),
      ).toEqual({ code: 'not-found', subject: 'service' });
    });

    it('refuses a range longer than 31 days or upside down as outside the contract', async () => {
      const [service] = await suite.bookableAt('china-plaza');
      for (const range of [
        { from: '2026-03-02', to: '2026-06-02' },
        { from: '2026-03-09', to: '2026-03-02' },
      ]) {
        const result = await suite.backend.availability({
          serviceId: service!.id,
          centreId: 'china-plaza',
          ...range,
        });
        expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-request' } });
      }
    });
  });
}
