/**
 * The fault codes drivers publish, for the staff screens that name them: the renderer reaches devices/ only through
 * rpc/, and this module loads no zod (the list itself is plain data).
 */
export { deviceFaultCodes, isDeviceFaultCode } from '../../devices/device_fault_codes.js';
