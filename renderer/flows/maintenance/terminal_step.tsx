import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { restartMinutes } from '../../../electron/rpc/flows/maintenance_choices.js';
import type { Prompt } from '../../../electron/rpc/guidance_contract.js';
import { action } from '../../a11y/speakable.js';
import { useRpc } from '../../rpc/rpc_context.js';
import { useMaintenanceFormat } from './maintenance_format.js';
import type { MaintenanceStepView } from './maintenance_screens.js';

/**
 * What this terminal is and how it is doing — id, site, version, uptime, disk, memory, journal size, a summary of
 * its configuration — and a restart of the app now or at a Macau time (it waits for any resident to finish).
 * The tactile keypad reads the facts one by one (all but the runtime and the configuration, which are long and only
 * for support), then reaches the restart: each stepper says the time it sets, each quarter hour whether it is chosen.
 */
export function TerminalStep({ view }: { view: MaintenanceStepView<'terminal'> }) {
  const { t } = useTranslation('maintenance');
  const format = useMaintenanceFormat();
  const { info } = view;
  const c = info.configuration;
  const facts: [string, string][] = [
    ['terminalId', info.terminalId],
    ['site', `${info.site.kind} · ${info.site.centreId}`],
    ['mode', info.mode],
    ['version', info.version],
    [
      'runtime',
      [
        `Node ${info.runtime.node}`,
        info.runtime.electron && `Electron ${info.runtime.electron}`,
        info.runtime.platform,
      ]
        .filter(Boolean)
        .join(' · '),
    ],
    ['startedAt', format.dateTime(info.startedAt)],
    ['uptime', format.duration(info.uptimeSeconds)],
    [
      'disk',
      info.disk
        ? t('terminal.diskFree', {
            free: format.bytes(info.disk.freeBytes),
            total: format.bytes(info.disk.totalBytes),
          })
        : t('terminal.unknown'),
    ],
    [
      'memory',
      t('terminal.memoryUse', {
        process: format.bytes(info.memory.processBytes),
        free: format.bytes(info.memory.systemFreeBytes),
        total: format.bytes(info.memory.systemTotalBytes),
      }),
    ],
    ['journal', info.journalBytes === null ? t('terminal.unknown') : format.bytes(info.journalBytes)],
    [
      'configuration',
      [
        t('terminal.configurationSummary', {
          services: c.services,
          devices: c.devices,
          required: c.requiredDevices,
          languages: c.languages.join(', '),
          backend: c.backend,
        }),
        t('terminal.timeouts', {
          idle: c.idleSeconds,
          staffIdle: c.staffIdleSeconds,
          heartbeat: c.heartbeatSeconds,
          issuers: c.badgeIssuers,
        }),
        `SHA-256 ${c.sha256.slice(0, 16)}…`,
      ].join('\n'),
    ],
  ];
  const unread = new Set(['runtime', 'configuration']);
  return (
    <>
      <dl className="maint__facts maint__facts--wide" data-testid="terminal-info">
        {facts.map(([key, value]) => (
          <div key={key} className="maint__fact">
            <dt>{t(`terminal.${key}`)}</dt>
            {/* The keypad's mark on the value: the fact's box is `display: contents`, which draws no ring. */}
            <dd
              data-testid={`terminal-${key}`}
              {...(unread.has(key)
                ? {}
                : action([
                    { key: `maintenance:terminal.${key}` },
                    { key: 'maintenance.value', values: { value: value.slice(0, 120) } },
                  ]))}
            >
              {value}
            </dd>
          </div>
        ))}
      </dl>
      <Restart restart={view.restart} />
    </>
  );
}

function Restart({ restart }: { restart: MaintenanceStepView<'terminal'>['restart'] }) {
  const { t } = useTranslation('maintenance');
  const rpc = useRpc();
  const format = useMaintenanceFormat();
  // The time being chosen, before it is sent: an hour stepper and the quarter hours.
  const [hour, setHour] = useState(3);
  const [minute, setMinute] = useState<(typeof restartMinutes)[number]>(0);
  const shown = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
  // What the hour's steppers say after their name: the time they have set so far.
  const time: Prompt = { key: 'maintenance.terminal.time', values: { time: shown } };
  return (
    <section className="panel" data-testid="terminal-restart">
      <h2>{t('terminal.restartTitle')}</h2>
      {!restart.available ? (
        <p className="notice">{t('terminal.restartUnavailable')}</p>
      ) : restart.scheduledAt ? (
        <>
          <p role="status" data-testid="terminal-restart-scheduled">
            {t('terminal.scheduled', { time: format.clock(restart.scheduledAt) })}
          </p>
          <button
            type="button"
            className="secondary-button"
            data-testid="terminal-cancel-restart"
            {...action([{ key: 'maintenance:terminal.cancelRestart' }])}
            onClick={() => void rpc.call('maintenance.cancelRestart', {})}
          >
            {t('terminal.cancelRestart')}
          </button>
        </>
      ) : (
        <div className="maint__actions">
          <button
            type="button"
            className="primary-button"
            data-testid="terminal-restart-now"
            {...action([{ key: 'maintenance:terminal.restartNow' }])}
            onClick={() => void rpc.call('maintenance.restartNow', {})}
          >
            {t('terminal.restartNow')}
          </button>
          <fieldset className="maint__time">
            <legend>{t('terminal.hour')}</legend>
            <button
              type="button"
              className="secondary-button"
              data-testid="terminal-hour-earlier"
              aria-label={t('terminal.earlier')}
              {...action([{ key: 'maintenance:terminal.earlier' }, time])}
              onClick={() => setHour((h) => (h + 23) % 24)}
            >
              −
            </button>
            <span className="maint__time-value">{String(hour).padStart(2, '0')}</span>
            <button
              type="button"
              className="secondary-button"
              data-testid="terminal-hour-later"
              aria-label={t('terminal.later')}
              {...action([{ key: 'maintenance:terminal.later' }, time])}
              onClick={() => setHour((h) => (h + 1) % 24)}
            >
              +
            </button>
            {restartMinutes.map((m) => (
              <button
                type="button"
                key={m}
                className={m === minute ? 'primary-button' : 'secondary-button'}
                aria-pressed={m === minute}
                data-testid={`terminal-minute-${m}`}
                {...action([
                  { key: 'maintenance.terminal.minute', values: { minute: m } },
                  ...(m === minute ? [{ key: 'maintenance.selected' }] : []),
                ])}
                onClick={() => setMinute(m)}
              >
                {`:${String(m).padStart(2, '0')}`}
              </button>
            ))}
          </fieldset>
          <button
            type="button"
            className="primary-button"
            data-testid="terminal-restart-at"
            {...action([{ key: 'maintenance:terminal.restartAt', values: { time: shown } }])}
            onClick={() => void rpc.call('maintenance.scheduleRestart', { hour, minute })}
          >
            {t('terminal.restartAt', { time: shown })}
          </button>
        </div>
      )}
    </section>
  );
}
