import { z } from 'zod';

/**
 * `DeviceConfig.options` of a tactile keypad, validated strictly at start-up (devices/device_options.ts). A keypad
 * has nothing to tune: `model` (on the device, not here) picks its report layout ('composite' or 'boot-keyboard'),
 * so any option is a mistake the configuration report names.
 */
export const KeypadOptionsSchema = z.object({}).strict();
