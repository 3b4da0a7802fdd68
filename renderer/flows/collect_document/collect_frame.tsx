import { FlowStepFrame, type FlowStepProps } from '../flow_step_frame.js';

/**
 * The frame of every collection step. While a document is on its way out, Back and Cancel are shown but
 * disabled: nothing a tap does can stop a release.
 */
export function CollectFrame(props: FlowStepProps) {
  return <FlowStepFrame flow="collect-document" prefix="collect" {...props} />;
}
