import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRpc } from '../rpc/rpc_context.js';
import { useKioskStore } from '../stores/kiosk_store.js';

/**
 * Development and test builds only (the main process refuses dev.* calls in production): put the kiosk into
 * maintenance, unplug or replug a simulated device.
 */
export function DevDock() {
  const { t } = useTranslation();
  const rpc = useRpc();
  const devTools = useKioskStore((s) => s.snapshot?.devTools ?? false);
  const devices = useKioskStore((s) => s.devices);
  const status = useKioskStore((s) => s.status);
  const [open, setOpen] = useState(false);
  if (!devTools) return null;
  const inMaintenance =
    status.mode === 'out-of-service' && status.reasons.some((r) => r.kind === 'maintenance');
  return (
    <div className="dev-dock" data-testid="dev-dock">
      <button
        type="button"
        className="dev-dock__toggle"
        onClick={() => setOpen((v) => !v)}
        aria-expanded={open}
      >
        {t('devDock.title')}
      </button>
      {open ? (
        <div className="dev-dock__panel">
          <label className="dev-dock__row">
            <input
              type="checkbox"
              checked={inMaintenance}
              onChange={(e) => void rpc.call('dev.setMaintenance', { on: e.target.checked })}
            />
            {t('devDock.maintenance')}
          </label>
          {devices.map((device) => {
            const plugged = device.status.state !== 'disconnected';
            return (
              <div key={device.id} className="dev-dock__row">
                <span>
                  {t(`devices.${device.kind}`)} · {device.status.state}
                </span>
                <button
                  type="button"
                  data-testid={`dev-plug-${device.id}`}
                  onClick={() =>
                    void rpc.call('dev.setDevicePlugged', { deviceId: device.id, plugged: !plugged })
                  }
                >
                  {plugged ? t('devDock.unplug') : t('devDock.replug')}
                </button>
              </div>
            );
          })}
        </div>
      ) : null}
    </div>
  );
}
