import { useTranslation } from 'react-i18next';
import type { PrintOutcome } from '../../../electron/rpc/flows/booking_parts.js';

/** Where the slip or ticket is: printing (the print overlay says why it waits), in the tray, or not printed. */
export function SlipStatus({ outcome, what }: { outcome: PrintOutcome; what: 'slip' | 'ticket' }) {
  const { t } = useTranslation('booking');
  return (
    <p className={`slip-status slip-status--${outcome}`} role="status" data-testid={`slip-${outcome}`}>
      {t(`paper.${what}.${outcome}`)}
    </p>
  );
}
