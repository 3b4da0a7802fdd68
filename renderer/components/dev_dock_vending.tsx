import { useTranslation } from 'react-i18next';
import type { SimulatedDevice, SimulatorAction } from '../../electron/rpc/dev_contract.js';

/**
 * A simulated publications vending unit in the Dev dock: each spiral's items (− / +), jamming a spiral, and making
 * the chute's drop sensor miss the next item. Unplugging is the dock's own button above.
 */
export function VendingActions({
  device,
  act,
}: {
  device: SimulatedDevice;
  act: (action: SimulatorAction) => Promise<void>;
}) {
  const { t } = useTranslation();
  const deviceId = device.deviceId;
  const view = device.vending;
  if (view === undefined) return null;
  return (
    <div className="dev-dock__row dev-dock__row--wrap" data-testid={`dev-vending-${deviceId}`}>
      {view.slots.map(({ slot, stock, jammed }) => (
        <span key={slot} className="dev-dock__row" data-testid={`dev-slot-${deviceId}-${slot}`}>
          <strong>{slot}</strong>
          <button
            type="button"
            aria-label={t('devDock.slotLess', { slot })}
            disabled={stock === 0}
            onClick={() => void act({ action: 'slot-stock', deviceId, slot, count: stock - 1 })}
          >
            −
          </button>
          <span>{t('devDock.slotStock', { count: stock })}</span>
          <button
            type="button"
            aria-label={t('devDock.slotMore', { slot })}
            onClick={() => void act({ action: 'slot-stock', deviceId, slot, count: Math.min(99, stock + 1) })}
          >
            +
          </button>
          <button
            type="button"
            data-testid={`dev-slot-jam-${deviceId}-${slot}`}
            onClick={() => void act({ action: 'slot-jam', deviceId, slot, jam: !jammed })}
          >
            {jammed ? t('devDock.unjamSlot') : t('devDock.jamSlot')}
          </button>
        </span>
      ))}
      <button
        type="button"
        data-testid={`dev-miss-drop-${deviceId}`}
        onClick={() => void act({ action: 'miss-drop', deviceId })}
      >
        {t('devDock.missNextDrop')}
        {view.missingDrops > 0 ? ` (${view.missingDrops})` : ''}
      </button>
    </div>
  );
}
