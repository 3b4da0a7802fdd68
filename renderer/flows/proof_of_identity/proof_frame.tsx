import { FlowStepFrame, type FlowStepProps } from '../flow_step_frame.js';

/** The frame of every proof-of-identity step; while the page is made or printed, Back and Cancel wait. */
export function ProofFrame(props: FlowStepProps) {
  return <FlowStepFrame flow="proof-of-identity" prefix="proof" {...props} />;
}
