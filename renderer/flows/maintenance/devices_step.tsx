import { useTranslation } from 'react-i18next';
import { doorReasons } from '../../../electron/rpc/flows/maintenance_choices.js';
import type { DeviceActionResult, DeviceEntry } from '../../../electron/rpc/flows/maintenance_views.js';
import type { Prompt } from '../../../electron/rpc/guidance_contract.js';
import { action as keypadAction } from '../../a11y/speakable.js';
import { useRpc } from '../../rpc/rpc_context.js';
import { DeviceResult } from './device_result.js';
import { DeviceSupplies } from './device_supplies.js';
import { faultCodeText } from './fault_code_text.js';
import { useMaintenanceFormat } from './maintenance_format.js';
import type { MaintenanceStepView } from './maintenance_screens.js';
import { ReasonPicker } from './reason_picker.js';

/**
 * Every configured device: its state, identity (IEEE 1284 ID or USB descriptors), last faults with their time and
 * counters, and the actions it offers — its tests, reconnect, a locker's doors, the paper counter after a refill.
 * The outcome of the last action shows on top (a test read's chip data and face among them).
 *
 * For the tactile keypad each device's actions come in its card's order: the first says the device and its state
 * ("Ticket printer, no paper: test ticket"), the others the device and the action; while a test runs they say so.
 */
export function DevicesStep({ view }: { view: MaintenanceStepView<'devices'> }) {
  const running = view.result?.outcome.kind === 'running';
  return (
    <>
      {view.result ? <DeviceResult result={view.result} devices={view.devices} /> : null}
      <ul className="maint__list">
        {view.devices.map((device) => (
          <DeviceCard key={device.deviceId} device={device} busy={running} />
        ))}
      </ul>
    </>
  );
}

/** States that keep a device from working (shown in the warning colour); card present, busy or paper low do not. */
const faultStates = new Set(['disconnected', 'error', 'no-paper', 'cover-open', 'jam', 'empty']);

function DeviceCard({ device, busy }: { device: DeviceEntry; busy: boolean }) {
  const { t, i18n } = useTranslation('maintenance');
  const rpc = useRpc();
  const format = useMaintenanceFormat();
  const deviceId = device.deviceId;
  const state = t(`deviceState.${device.status.state}`, { defaultValue: device.status.state });
  const identity = device.identity;
  const counters = device.counters;
  const action = (name: DeviceActionResult['action'], door?: string) =>
    t(`devices.action.${name}`, door === undefined ? {} : { door });
  // What each action says: the device (its state on the first), the action, and "wait" while a test runs.
  const stateKey = `maintenance:deviceState.${device.status.state}`;
  const said = (name: DeviceActionResult['action'], first: boolean, door?: string): Prompt[] => [
    { key: `maintenance:deviceKind.${device.kind}` },
    ...(first && i18n.exists(stateKey) ? [{ key: stateKey }] : []),
    door === undefined
      ? { key: `maintenance:devices.action.${name}` }
      : { key: `maintenance:devices.action.${name}`, values: { door } },
    ...(busy ? [{ key: 'maintenance.devices.busy' }] : []),
  ];
  return (
    <li className="maint__card" data-testid={`device-${deviceId}`} data-state={device.status.state}>
      <div className="maint__card-head">
        <strong>{t(`deviceKind.${device.kind}`)}</strong>
        <span>{deviceId}</span>
        <span
          className={faultStates.has(device.status.state) ? 'maint__state maint__state--bad' : 'maint__state'}
        >
          {device.status.code ? `${state} · ${faultCodeText(t, device.status.code)}` : state}
        </span>
        <span>{device.required ? t('devices.required') : t('devices.optional')}</span>
      </div>
      <dl className="maint__facts">
        <dt>{t('devices.transport')}</dt>
        <dd>{device.transport}</dd>
        <dt>{t('devices.model')}</dt>
        <dd>{identity?.model ?? device.model ?? t('none')}</dd>
        {device.usbIds ? (
          <>
            <dt>{t('devices.usbIds')}</dt>
            <dd>{device.usbIds}</dd>
          </>
        ) : null}
        {identity ? (
          <>
            <dt>{t('devices.manufacturer')}</dt>
            <dd>{identity.manufacturer ?? t('none')}</dd>
            <dt>{t('devices.serial')}</dt>
            <dd data-testid={`device-${deviceId}-serial`}>{identity.serialNumber ?? t('none')}</dd>
            <dt>{t('devices.firmware')}</dt>
            <dd>{identity.firmware ?? t('none')}</dd>
          </>
        ) : null}
        <DeviceSupplies device={device} />
        <dt>{t('devices.lastFaults')}</dt>
        <dd>
          {device.lastFaults.length === 0
            ? t('none')
            : device.lastFaults
                .map(
                  (f) =>
                    `${format.dateTime(f.at)} ${t(`deviceState.${f.state}`, { defaultValue: f.state })}${f.code ? ` (${faultCodeText(t, f.code)})` : ''}`,
                )
                .join(' · ')}
        </dd>
      </dl>
      {counters ? (
        <p
          className="maint__counters"
          data-testid={`device-${deviceId}-counters`}
          data-since-refill={counters.printedSinceRefill}
          data-refilled={String(counters.refilledAt !== null)}
        >
          {t('devices.counters', {
            pages: counters.pages,
            tickets: counters.tickets,
            changes: counters.paperChanges,
          })}
          <br />
          {counters.refilledAt
            ? t('devices.sinceRefill', {
                printed: counters.printedSinceRefill,
                since: format.dateTime(counters.refilledAt),
              })
            : t('devices.sinceRefillNever', { printed: counters.printedSinceRefill })}
        </p>
      ) : null}
      <div className="maint__actions">
        {device.tests.map((test, i) => (
          <button
            type="button"
            key={test}
            className="primary-button"
            data-testid={`device-${deviceId}-${test}`}
            {...keypadAction(said(test, i === 0))}
            disabled={busy}
            onClick={() => void rpc.call('maintenance.testDevice', { deviceId, test })}
          >
            {action(test)}
          </button>
        ))}
        <button
          type="button"
          className="secondary-button"
          data-testid={`device-${deviceId}-reconnect`}
          {...keypadAction(said('reconnect', device.tests.length === 0))}
          disabled={busy}
          onClick={() => void rpc.call('maintenance.reconnectDevice', { deviceId })}
        >
          {action('reconnect')}
        </button>
        {device.doors.map((door) => (
          <ReasonPicker
            key={door}
            label={action('open-door', door)}
            spoken={said('open-door', false, door)}
            reasons={doorReasons}
            testId={`device-${deviceId}-door-${door}`}
            disabled={busy}
            onChoose={(reason) => void rpc.call('maintenance.openDoor', { deviceId, door, reason })}
          />
        ))}
        {counters ? (
          <button
            type="button"
            className="secondary-button"
            data-testid={`device-${deviceId}-reset-paper-counter`}
            {...keypadAction(said('reset-paper-counter', false))}
            disabled={busy}
            onClick={() => void rpc.call('maintenance.resetPaperCounter', { deviceId })}
          >
            {action('reset-paper-counter')}
          </button>
        ) : null}
      </div>
    </li>
  );
}
