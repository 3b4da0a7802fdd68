import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { KioskLogger } from '../logging/kiosk_logger.js';
import { type Clock, systemClock } from '../services/clock.js';
import { exitStatus } from '../startup/exit_status.js';
import type { BrowserHostArguments } from '../startup/kiosk_arguments.js';
import { generateHostToken, hostTokenVariable } from './host_token.js';
import { RestartPolicy, type RestartPolicyOptions } from './restart_policy.js';

/**
 * `npm start` in browser mode: runs the host process (`dist/electron/host.mjs`) and starts it again when it
 * crashes, so the kiosk survives its own failure the way the Electron shell does (reload, then relaunch).
 *
 * What makes the open page come back by itself after a restart:
 * - the **token** is made here, once, and handed to every host through `BALCAO_HOST_TOKEN` (host_token.ts): the
 *   page's token stays valid. It is never logged; the URL line that carries it is printed once, not per restart;
 * - the **port** is pinned: the one given, or the one the first host picked (read from its `BALCAO_URL=` line);
 * - the **browser** belongs to the supervisor, not to a host: each host runs with `--no-open`, Chromium is opened
 *   once on the first URL and closed when the supervisor ends, so a crash never leaves two windows or none.
 *
 * The page sees its socket close, shows "restarting", reconnects with backoff and redraws from the new host's
 * snapshot. When to restart is restart_policy.ts's decision. `stop(signal)` (Ctrl-C, SIGTERM) passes the signal
 * to the host and ends without a restart.
 */

export interface HostSupervisorOptions {
  /** The user's flags, passed to every host (`--config`, `--port`, …). */
  argv: string[];
  /** The same flags as parseBrowserHostArguments read them (the caller checks them before any host starts). */
  flags: BrowserHostArguments;
  env: NodeJS.ProcessEnv;
  /** The program and leading arguments that start one host, e.g. `node dist/electron/host.mjs`. */
  hostCommand: { command: string; args: string[] };
  logger: KioskLogger;
  /** Where the host's stdout lines go (its JSON logs), and the URL line once. */
  output: { write(text: string): unknown };
  /** Opens the kiosk browser on the URL; called once, only when the flags and the display ask for it. */
  openBrowser: (url: string) => ChildProcess;
  policy?: RestartPolicyOptions;
  clock?: Clock;
}

export interface HostSupervisor {
  /** The supervisor's exit status: the host's own when it stops for good, 0 after `stop`. */
  done: Promise<number>;
  stop(signal: NodeJS.Signals): void;
}

const urlLinePrefix = 'BALCAO_URL=';

export function superviseBrowserHost(options: HostSupervisorOptions): HostSupervisor {
  const { logger, flags, clock = systemClock } = options;
  let resolveDone: (code: number) => void = () => {};
  const done = new Promise<number>((resolve) => {
    resolveDone = resolve;
  });

  const token = generateHostToken();
  const policy = new RestartPolicy(options.policy);
  let port = flags.port;
  let url: string | null = null;
  let browser: ChildProcess | null = null;
  let host: ChildProcess | null = null;
  let cancelRestart: (() => void) | null = null;
  let stopping = false;
  let finished = false;

  const finish = (code: number) => {
    if (finished) return;
    finished = true;
    browser?.kill('SIGTERM');
    resolveDone(code);
  };

  const onUrlLine = (line: string) => {
    if (url !== null) return;
    url = line.slice(urlLinePrefix.length);
    port ||= Number(new URL(url).port);
    options.output.write(`${line}\n`);
    if (flags.open) browser = options.openBrowser(url);
  };

  const startHost = () => {
    cancelRestart = null;
    const args = [...options.hostCommand.args, ...options.argv, '--no-open'];
    if (port !== 0) args.push('--port', String(port));
    const child = spawn(options.hostCommand.command, args, {
      env: { ...options.env, [hostTokenVariable]: token },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    host = child;
    const startedAt = clock.now();
    logger.log('supervisor-host-started', { hostPid: child.pid, port });
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith(urlLinePrefix)) onUrlLine(line);
      else options.output.write(`${line}\n`);
    });
    child.once('error', (error) => {
      // The host program could not be started at all (spawn failed): nothing a restart would change.
      logger.log('supervisor-host-unstartable', { err: error });
      host = null;
      finish(1);
    });
    child.once('exit', (code, signal) => {
      host = null;
      onHostExit(code, signal, clock.now() - startedAt);
    });
  };

  const onHostExit = (code: number | null, signal: NodeJS.Signals | null, ranForMs: number) => {
    if (stopping) {
      logger.log('supervisor-host-stopped', { code, signal });
      finish(code ?? exitStatus.ok);
      return;
    }
    const decision = policy.decide({ code, signal, ranForMs });
    switch (decision.kind) {
      case 'stop':
        if (decision.reason === 'clean-exit') logger.log('supervisor-host-stopped', { code, signal });
        else logger.log('supervisor-host-not-restarted', { code, reason: decision.reason });
        finish(decision.exitCode);
        return;
      case 'restart':
        logger.log('supervisor-host-restarting', {
          code,
          signal,
          ranForMs,
          crashesInARow: decision.crashesInARow,
          restartInMs: decision.delayMs,
        });
        cancelRestart = clock.setTimeout(startHost, decision.delayMs);
        return;
      default: {
        const unreachable: never = decision;
        return unreachable;
      }
    }
  };

  startHost();
  return {
    done,
    stop(signal) {
      if (stopping || finished) return;
      stopping = true;
      cancelRestart?.();
      if (host) host.kill(signal);
      else finish(exitStatus.ok);
    },
  };
}
