import type { Prompt } from '../../electron/rpc/guidance_contract.js';
import type { KioskStatus } from '../../electron/rpc/kiosk_contract.js';
import { useAnnouncement } from '../a11y/announcements.js';
import { WrenchIcon } from '../components/icons.js';
import { MessageInEveryLanguage } from '../components/message_in_every_language.js';
import { languageOrder } from '../i18n/language_order.js';
import { useKioskStore } from '../stores/kiosk_store.js';

type Reason = 'maintenance' | 'deviceUnavailable' | 'connectionLost';

function reasonOf(status: KioskStatus, connected: boolean): Reason {
  if (!connected) return 'connectionLost';
  if (status.mode === 'out-of-service' && status.reasons.some((r) => r.kind === 'maintenance'))
    return 'maintenance';
  return 'deviceUnavailable';
}

/**
 * Shown instead of the attract screen while the kiosk cannot serve. Nobody has chosen a language, so it speaks all
 * four, Simplified Chinese first at Hengqin; where to go instead is the centre's own (Hengqin's counters, not Macao
 * One Account's phone services). The terminal id and reason help the resident report it, and the ids of
 * the devices not ready help staff find them.
 */
export function OutOfServiceScreen() {
  const status = useKioskStore((s) => s.status);
  const connected = useKioskStore((s) => s.connected);
  const terminalId = useKioskStore((s) => s.snapshot?.terminalId);
  const siteKind = useKioskStore((s) => s.snapshot?.site.kind);
  const reason = reasonOf(status, connected);
  // The devices keeping the kiosk out of service, by their configured ids: what staff look for, beside the terminal.
  const devices =
    status.mode === 'out-of-service'
      ? status.reasons.flatMap((r) => (r.kind === 'device-unavailable' ? [r.deviceId] : []))
      : [];
  const nearby = siteKind === 'hengqin' ? 'outOfService.nearbyHengqin' : 'outOfService.nearby';
  const order = languageOrder(siteKind);
  useAnnouncement(
    order.flatMap((language): Prompt[] => [
      { key: 'outOfService.title', language },
      { key: `outOfService.${reason}`, language },
      { key: nearby, language },
    ]),
  );
  return (
    <main className="out-of-service" data-testid="out-of-service" data-reason={reason}>
      <WrenchIcon size={120} />
      <MessageInEveryLanguage
        titleKey="outOfService.title"
        lineKeys={[`outOfService.${reason}`, nearby]}
        order={order}
      />
      <p className="out-of-service__terminal" data-testid="out-of-service-terminal">
        {[terminalId, ...devices].join(' · ')}
      </p>
    </main>
  );
}
