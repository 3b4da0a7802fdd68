import { FlowStepFrame, type FlowStepProps } from '../flow_step_frame.js';

/** The frame of every pickup step. While a door is opening or open, Back and Cancel are shown but disabled. */
export function PickupFrame(props: FlowStepProps) {
  return <FlowStepFrame flow="locker-pickup" prefix="pickup" {...props} />;
}
