import type { TFunction } from 'i18next';
import { isDeviceFaultCode } from '../../../electron/rpc/device_fault_codes.js';

/**
 * A device's fault code in the staff member's language, the code beside it for support (it is what the log and
 * the support bundle carry). A code no translation knows yet still shows, as unrecognised, never as nothing.
 */
export function faultCodeText(t: TFunction<'maintenance'>, code: string): string {
  return isDeviceFaultCode(code)
    ? t('faultCode.known', { text: t(`faultCode.codes.${code}`), code })
    : t('faultCode.unrecognised', { code });
}
