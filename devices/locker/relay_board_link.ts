import { err, ok, type Result } from '../../lib/result.js';
import type { DeviceConnection } from '../transport/device_connection.js';
import type { HidTransport } from '../transport/hid_transport.js';
import type { TransferFailure } from '../transport/usb_transport.js';
import {
  decodeRelayStatus,
  encodeRelayCommand,
  RELAY_STATUS_LENGTH,
  RELAY_STATUS_REPORT_ID,
  type RelayBoardStatus,
  type RelayCommand,
} from './usb_relay_protocol.js';

/** A status report the board sent that is not one: both drivers report it as an I/O fault. */
export type MalformedStatus = { code: 'io'; detail: string };

/**
 * One relay command or one status read on a USBRelay HID board, shared by the drivers that switch its relays (the
 * locker's doors, the vending unit's spiral motors). A transfer that fails faults the connection, so it reconnects in
 * the background; each driver names the failure in its own terms (`failureOf`). Never throws.
 */
export class RelayBoardLink<F> {
  constructor(
    private readonly connection: DeviceConnection<HidTransport>,
    private readonly failureOf: (failure: TransferFailure) => F,
  ) {}

  async command(command: RelayCommand): Promise<Result<void, F>> {
    const transport = await this.connection.acquire();
    if (!transport.ok) return err(this.failureOf(transport.error));
    const sent = await transport.value.sendFeatureReport(encodeRelayCommand(command));
    if (sent.ok) return ok();
    this.connection.fault(transport.value, sent.error);
    return err(this.failureOf(sent.error));
  }

  async readBoard(): Promise<Result<RelayBoardStatus, F | MalformedStatus>> {
    const transport = await this.connection.acquire();
    if (!transport.ok) return err(this.failureOf(transport.error));
    const report = await transport.value.getFeatureReport(RELAY_STATUS_REPORT_ID, RELAY_STATUS_LENGTH);
    if (!report.ok) {
      this.connection.fault(transport.value, report.error);
      return err(this.failureOf(report.error));
    }
    const decoded = decodeRelayStatus(report.value);
    if (!decoded.ok) return err({ code: 'io', detail: `status report of ${decoded.error.length} bytes` });
    return decoded;
  }
}
