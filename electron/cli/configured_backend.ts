import type { Result } from '../../lib/result.js';
import type { Backend } from '../backend/contract/backend.js';
import { createBackend, formatBackendSetupError } from '../backend/create_backend.js';
import { defaultConfigPath, formatConfigError, loadConfigFile } from '../config/config_loader.js';
import type { KioskConfig } from '../config/config_schema.js';
import { exitStatus } from '../startup/exit_status.js';
import { backendSetupExitStatus } from '../startup/kiosk_boot.js';
import type { CliIo } from './command.js';

/**
 * The backend a CLI command talks to: the one the configuration names (embedded or HTTP), set up as the kiosk
 * does. A configuration or backend that cannot be set up is said on stderr, with the exit status it deserves.
 */
export function openConfiguredBackend(
  configPath: string | undefined,
  io: CliIo,
): Result<{ backend: Backend; config: KioskConfig }, number> {
  const loaded = loadConfigFile(configPath ?? defaultConfigPath);
  if (!loaded.ok) {
    io.err(formatConfigError(loaded.error));
    return { ok: false, error: exitStatus.config };
  }
  const config = loaded.value;
  const backend = createBackend(config.backend, { journalPath: config.journal.path });
  if (!backend.ok) {
    io.err(`balcao: ${formatBackendSetupError(backend.error)}`);
    return { ok: false, error: backendSetupExitStatus(backend.error) };
  }
  return { ok: true, value: { backend: backend.value, config } };
}
