import { memo, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SimulatedDevice, SimulatorAction } from '../../electron/rpc/dev_contract.js';
import { useRpc } from '../rpc/rpc_context.js';
import { useKioskStore } from '../stores/kiosk_store.js';
import { VendingActions } from './dev_dock_vending.js';

/** A sample booking reference the scanner "reads" unless the developer types another. */
const sampleCode = 'BK-2025-000123';

/**
 * Development and test builds only (the main process refuses dev.* calls in production): maintenance on/off, and
 * for each simulated device what a person at the kiosk could do to it — unplug it, scan a code, take the paper
 * out, open a cover, open or close a locker door, place a document on a reader, load a dispenser's stacker, take
 * the card at its gate, jam it, press a keypad key, load or jam a vending spiral (dev_dock_vending.tsx).
 *
 * It sits in its own column beside the kiosk's screen (app.tsx), never over it: closed it is a narrow tab, open it
 * narrows the kiosk's screen instead of covering what a resident would see.
 */
export const DevDock = memo(function DevDock() {
  const { t } = useTranslation();
  const rpc = useRpc();
  const devTools = useKioskStore((s) => s.snapshot?.devTools ?? false);
  const devices = useKioskStore((s) => s.devices);
  const status = useKioskStore((s) => s.status);
  const [open, setOpen] = useState(false);
  const [simulated, setSimulated] = useState<SimulatedDevice[]>([]);
  const [code, setCode] = useState(sampleCode);

  // biome-ignore lint/correctness/useExhaustiveDependencies: refetch whenever the main process pushes a device change
  useEffect(() => {
    if (!open || !devTools) return;
    void rpc.call('dev.simulators', {}).then((r) => r.ok && setSimulated(r.value));
  }, [open, devTools, devices, rpc]);

  if (!devTools) return null;
  const inMaintenance =
    status.mode === 'out-of-service' && status.reasons.some((r) => r.kind === 'maintenance');
  const act = async (action: SimulatorAction) => {
    await rpc.call('dev.simulate', action);
    const refreshed = await rpc.call('dev.simulators', {});
    if (refreshed.ok) setSimulated(refreshed.value);
  };
  const stateOf = (id: string) => {
    const state = devices.find((d) => d.id === id)?.status.state;
    return state ? t(`a11y:devDock.state.${state}`) : '';
  };

  return (
    <aside className={open ? 'dev-dock dev-dock--open' : 'dev-dock'} data-testid="dev-dock">
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
          {simulated.map((device) => (
            <div
              key={device.deviceId}
              className="dev-dock__device"
              data-testid={`dev-device-${device.deviceId}`}
            >
              <div className="dev-dock__row">
                <strong>
                  {t(`devices.${device.kind}`)} · {stateOf(device.deviceId)}
                </strong>
                <button
                  type="button"
                  data-testid={`dev-plug-${device.deviceId}`}
                  onClick={() =>
                    void act({ action: device.plugged ? 'unplug' : 'replug', deviceId: device.deviceId })
                  }
                >
                  {device.plugged ? t('devDock.unplug') : t('devDock.replug')}
                </button>
              </div>
              <DeviceActions device={device} act={act} code={code} setCode={setCode} />
            </div>
          ))}
        </div>
      ) : null}
    </aside>
  );
});

function DeviceActions({
  device,
  act,
  code,
  setCode,
}: {
  device: SimulatedDevice;
  act: (action: SimulatorAction) => Promise<void>;
  code: string;
  setCode: (code: string) => void;
}) {
  const { t } = useTranslation();
  const rpc = useRpc();
  const deviceId = device.deviceId;
  switch (device.kind) {
    case 'barcode-scanner':
      return (
        <div className="dev-dock__row">
          <input value={code} onChange={(e) => setCode(e.target.value)} data-testid="dev-scan-text" />
          <button
            type="button"
            data-testid="dev-scan"
            onClick={() => void act({ action: 'scan', deviceId, text: code, symbology: 'qr' })}
          >
            {t('devDock.scan')}
          </button>
        </div>
      );
    case 'ticket-printer':
    case 'document-printer':
      return (
        <div className="dev-dock__row dev-dock__row--wrap">
          <button
            type="button"
            data-testid={`dev-print-sample-${deviceId}`}
            onClick={() =>
              void rpc.call('dev.printSample', {
                template: device.kind === 'ticket-printer' ? 'queue-ticket' : 'identity-proof',
              })
            }
          >
            {t('devDock.printSample')}
          </button>
          <button
            type="button"
            data-testid={`dev-paper-out-${deviceId}`}
            onClick={() => void act({ action: 'paper', deviceId, paper: 'out' })}
          >
            {t('devDock.paperOut')}
          </button>
          <button type="button" onClick={() => void act({ action: 'paper', deviceId, paper: 'low' })}>
            {t('devDock.paperLow')}
          </button>
          <button
            type="button"
            data-testid={`dev-paper-load-${deviceId}`}
            onClick={() => void act({ action: 'paper', deviceId, paper: 'loaded' })}
          >
            {t('devDock.paperLoaded')}
          </button>
          <button type="button" onClick={() => void act({ action: 'cover', deviceId, open: true })}>
            {t('devDock.coverOpen')}
          </button>
          <button type="button" onClick={() => void act({ action: 'cover', deviceId, open: false })}>
            {t('devDock.coverClose')}
          </button>
        </div>
      );
    case 'locker-controller':
      return (
        <div className="dev-dock__row dev-dock__row--wrap">
          {(device.doors ?? []).map(({ door, open }) => (
            <button
              key={door}
              type="button"
              onClick={() => void act({ action: 'door', deviceId, door, open: !open })}
            >
              {door} · {open ? t('devDock.doorClose') : t('devDock.doorOpen')}
            </button>
          ))}
        </div>
      );
    case 'document-reader':
    case 'id-card-reader':
      return (
        <div className="dev-dock__row dev-dock__row--wrap">
          {(device.samples ?? []).map((sample) => (
            <button
              key={sample}
              type="button"
              data-testid={`dev-document-${deviceId}-${sample}`}
              onClick={() => void act({ action: 'document', deviceId, sample })}
            >
              {t('devDock.documentPlace')} · {sample}
            </button>
          ))}
          <button type="button" onClick={() => void act({ action: 'document', deviceId, sample: null })}>
            {t('devDock.documentRemove')}
          </button>
          {device.kind === 'document-reader' ? (
            <button type="button" onClick={() => void act({ action: 'pull-mid-read', deviceId })}>
              {t('devDock.documentPullMidRead')}
            </button>
          ) : null}
        </div>
      );
    case 'tactile-keypad':
      return (
        <div className="dev-dock__row dev-dock__row--wrap">
          {(device.keys ?? []).map((key) => (
            <button
              key={key}
              type="button"
              data-testid={`dev-key-${deviceId}-${key}`}
              onClick={() => void act({ action: 'key', deviceId, key })}
            >
              {/^[0-9]$/.test(key) ? key : t(`a11y:devDock.keys.${key}`)}
            </button>
          ))}
        </div>
      );
    case 'document-dispenser':
      return <DispenserActions device={device} act={act} />;
    case 'vending-unit':
      return <VendingActions device={device} act={act} />;
    default: {
      const unreachable: never = device.kind;
      return unreachable;
    }
  }
}

/** A simulated card dispenser: how many cards to load, the card at the gate, the reject bin, a jam. */
function DispenserActions({
  device,
  act,
}: {
  device: SimulatedDevice;
  act: (action: SimulatorAction) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [count, setCount] = useState(50);
  const deviceId = device.deviceId;
  const view = device.dispenser;
  if (view === undefined) return null;
  return (
    <div className="dev-dock__row dev-dock__row--wrap" data-testid={`dev-dispenser-${deviceId}`}>
      <span>{t('devDock.cardsInStacker', { cards: view.cards })}</span>
      <span>{t('devDock.cardsInRejectBin', { cards: view.rejectBin })}</span>
      <input
        type="number"
        min={0}
        max={500}
        value={count}
        onChange={(e) => setCount(Math.max(0, Math.min(500, Math.trunc(Number(e.target.value) || 0))))}
        data-testid={`dev-cards-count-${deviceId}`}
      />
      <button
        type="button"
        data-testid={`dev-cards-load-${deviceId}`}
        onClick={() => void act({ action: 'cards', deviceId, count })}
      >
        {t('devDock.loadCards')}
      </button>
      <button
        type="button"
        disabled={!view.cardAtGate}
        data-testid={`dev-take-card-${deviceId}`}
        onClick={() => void act({ action: 'take-card', deviceId })}
      >
        {t('devDock.takeCard')}
      </button>
      <button
        type="button"
        data-testid={`dev-jam-${deviceId}`}
        onClick={() => void act({ action: 'jam', deviceId, jam: view.jam === 'none' })}
      >
        {view.jam === 'none' ? t('devDock.jamNextCard') : t('devDock.clearJam')}
      </button>
    </div>
  );
}
