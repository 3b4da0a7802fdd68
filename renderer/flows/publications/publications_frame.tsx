import { FlowStepFrame, type FlowStepProps } from '../flow_step_frame.js';

/** The frame of every publications step. While a payment or the turning is under way, Back and Cancel are disabled. */
export function PublicationsFrame(props: FlowStepProps) {
  return <FlowStepFrame flow="publications" prefix="pubs" {...props} />;
}
