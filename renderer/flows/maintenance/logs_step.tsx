import { useTranslation } from 'react-i18next';
import { logWindows } from '../../../electron/rpc/flows/maintenance_choices.js';
import type { Prompt } from '../../../electron/rpc/guidance_contract.js';
import { action } from '../../a11y/speakable.js';
import { useRpc } from '../../rpc/rpc_context.js';
import { ChoicePicker } from './choice_picker.js';
import { useMaintenanceFormat } from './maintenance_format.js';
import type { MaintenanceStepView } from './maintenance_screens.js';

/**
 * The kiosk's recent log, newest first, filtered by event, device and time window: each line its time, event id
 * (from the catalogue in docs/log_events.md), disposition, device and its other fields — never personal data.
 * For the tactile keypad: the event and device filters open their choices as a list (choice_picker.tsx), the time
 * windows say which is chosen, and each line is reached in turn, said as its time, disposition, event and device
 * (its other fields stay on the screen).
 */
export function LogsStep({ view }: { view: MaintenanceStepView<'logs'> }) {
  const { t } = useTranslation('maintenance');
  const rpc = useRpc();
  const format = useMaintenanceFormat();
  const { filter } = view;
  const apply = (next: Partial<typeof filter>) =>
    void rpc.call('maintenance.filterLogs', { ...filter, ...next });
  if (!view.kept) return <p className="notice">{t('logs.notKept')}</p>;
  return (
    <>
      <div className="maint__filters">
        <Filter
          name="event"
          choices={view.events}
          current={filter.event}
          onChoose={(event) => apply({ event })}
        />
        <Filter
          name="device"
          choices={view.devices}
          current={filter.deviceId}
          onChoose={(deviceId) => apply({ deviceId })}
        />
        <fieldset className="maint__windows">
          <legend>{t('logs.window')}</legend>
          {logWindows.map((window) => (
            <button
              type="button"
              key={window}
              className={window === filter.window ? 'primary-button' : 'secondary-button'}
              aria-pressed={window === filter.window}
              data-testid={`logs-window-${window}`}
              {...action([
                { key: 'maintenance:logs.window' },
                { key: `maintenance:logs.windowName.${window}` },
                ...(window === filter.window ? [{ key: 'maintenance.selected' }] : []),
              ])}
              onClick={() => apply({ window })}
            >
              {t(`logs.windowName.${window}`)}
            </button>
          ))}
        </fieldset>
      </div>
      <p role="status" data-testid="logs-matched">
        {t('logs.matched', { count: view.matched })}
      </p>
      <div className="maint__scroll">
        <table className="maint__log" data-testid="logs-lines">
          <tbody>
            {view.lines.map((line, index) => (
              <tr
                // Two lines can be alike to the millisecond (two sockets closing at once): by content the keys would
                // collide and React would leave a filtered-out row on the screen. The lines are read afresh each time.
                // biome-ignore lint/suspicious/noArrayIndexKey: a log line has no identity of its own
                key={index}
                data-testid={`logs-line-${index}`}
                {...action([
                  { key: 'maintenance.value', values: { value: format.dateTime(line.time) } },
                  { key: `maintenance:logs.disposition.${line.disposition}` },
                  { key: 'maintenance.value', values: { value: line.event.slice(0, 120) } },
                  ...(line.deviceId
                    ? [{ key: 'maintenance.value', values: { value: line.deviceId.slice(0, 120) } }]
                    : []),
                ])}
                data-event={line.event}
                data-disposition={line.disposition}
              >
                <td>{format.dateTime(line.time)}</td>
                <td>{t(`logs.disposition.${line.disposition}`)}</td>
                <td>{line.event}</td>
                <td>{line.deviceId ?? ''}</td>
                <td className="maint__log-details">{line.details}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** "Any" among a filter's choices (the filter's null). */
const anyChoice = '';

/** The event or device filter: a button saying what it shows ("Event: All"), opening its choices. */
function Filter({
  name,
  choices,
  current,
  onChoose,
}: {
  name: 'event' | 'device';
  choices: string[];
  current: string | null;
  onChoose(choice: string | null): void;
}) {
  const { t } = useTranslation('maintenance');
  const label = (choice: string) => (choice === anyChoice ? t('logs.any') : choice);
  const spoken = (choice: string): Prompt[] => [
    choice === anyChoice
      ? { key: 'maintenance:logs.any' }
      : { key: 'maintenance.value', values: { value: choice.slice(0, 120) } },
  ];
  const shown = current ?? anyChoice;
  return (
    <div className="maint__filter">
      <span>{t(`logs.${name}`)}</span>
      <ChoicePicker
        label={label(shown)}
        spoken={[{ key: `maintenance:logs.${name}` }, ...spoken(shown)]}
        choices={[anyChoice, ...choices]}
        choiceLabel={label}
        choiceSpoken={spoken}
        choiceId={(choice) => (choice === anyChoice ? 'any' : choice)}
        legend={t(`logs.${name}`)}
        cancel={t('cancelChoice')}
        current={shown}
        onChoose={(choice) => onChoose(choice === anyChoice ? null : choice)}
        testId={`logs-${name}`}
        className="secondary-button maint__filter-button"
      />
    </div>
  );
}
