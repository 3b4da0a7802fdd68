import type { KioskStatus } from '../../electron/rpc/kiosk_contract.js';
import { WrenchIcon } from '../components/icons.js';
import { MessageInEveryLanguage } from '../components/message_in_every_language.js';
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
 * four; the terminal id and reason help the resident report it, and the ids of the devices not ready help staff.
 */
export function OutOfServiceScreen() {
  const status = useKioskStore((s) => s.status);
  const connected = useKioskStore((s) => s.connected);
  const terminalId = useKioskStore((s) => s.snapshot?.terminalId);
  const reason = reasonOf(status, connected);
  // The devices keeping the kiosk out of service, by their configured ids: what staff look for, beside the terminal.
  const devices =
    status.mode === 'out-of-service'
      ? status.reasons.flatMap((r) => (r.kind === 'device-unavailable' ? [r.deviceId] : []))
      : [];
  return (
    <main className="out-of-service" data-testid="out-of-service" data-reason={reason}>
      <WrenchIcon size={120} />
      <MessageInEveryLanguage
        titleKey="outOfService.title"
        lineKeys={[`outOfService.${reason}`, 'outOfService.nearby']}
      />
      <p className="out-of-service__terminal" data-testid="out-of-service-terminal">
        {[terminalId, ...devices].join(' · ')}
      </p>
    </main>
  );
}
