import { FlowStepFrame, type FlowStepProps } from '../flow_step_frame.js';

/** The frame of every Smart Locker application step; while the application is on its way, Back and Cancel wait. */
export function ApplyFrame(props: FlowStepProps) {
  return <FlowStepFrame flow="locker-apply" prefix="apply" {...props} />;
}
