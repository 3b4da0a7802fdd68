import { useTranslation } from 'react-i18next';
import type { DeviceEntry } from '../../../electron/rpc/flows/maintenance_views.js';

type Reading = Extract<DeviceEntry['supplies'], { kind: 'reported' }>['readings'][number];

/** One supply reading in words: what it is and its level (a marker's name is the printer's own). */
function useReadingText(): (reading: Reading) => string {
  const { t } = useTranslation('maintenance');
  return (reading) => {
    switch (reading.supply) {
      case 'paper-roll':
      case 'paper':
      case 'card-stacker':
      case 'reject-bin':
        return t(`supplies.${reading.supply}.${reading.level}`);
      case 'marker':
        return reading.percent === null
          ? t('supplies.markerUnknown', { name: reading.name })
          : t('supplies.marker', { name: reading.name, percent: reading.percent });
      case 'markers-not-reported':
        return t('supplies.markersNotReported');
      default: {
        const unreachable: never = reading;
        return unreachable;
      }
    }
  };
}

/** Levels that need staff soon (shown in the warning colour). */
const lowLevels = new Set(['near-end', 'out', 'low', 'empty', 'full']);
const isLow = (reading: Reading) =>
  reading.supply === 'marker'
    ? reading.percent !== null && reading.percent <= 10
    : 'level' in reading && lowLevels.has(reading.level);

/**
 * The Devices tool's supplies line: what the device reports of paper, toner and cards, or that it reports none, or
 * that it cannot say now — never a level it did not report.
 */
export function DeviceSupplies({ device }: { device: DeviceEntry }) {
  const { t } = useTranslation('maintenance');
  const text = useReadingText();
  const supplies = device.supplies;
  return (
    <>
      <dt>{t('supplies.title')}</dt>
      <dd data-testid={`device-${device.deviceId}-supplies`} data-supplies={supplies.kind}>
        {supplies.kind === 'reported' ? (
          <ul className="maint__supplies">
            {supplies.readings.map((reading, i) => (
              <li
                // Readings are a short fixed list per device, in the driver's order.
                // biome-ignore lint/suspicious/noArrayIndexKey: two markers may share a name
                key={i}
                data-supply={reading.supply}
                data-level={'level' in reading ? reading.level : undefined}
                className={isLow(reading) ? 'maint__state--bad' : undefined}
              >
                {text(reading)}
              </li>
            ))}
          </ul>
        ) : (
          t(`supplies.${supplies.kind}`)
        )}
      </dd>
    </>
  );
}
