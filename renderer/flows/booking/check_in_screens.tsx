import type { CheckInFlowView } from '../../../electron/rpc/flows/check_in_contract.js';
import { Announce } from '../../a11y/announce.js';
import { useBookingFormat } from './booking_format.js';
import { BookingStep } from './booking_step.js';
import { CancelledStep, ConfirmCancelStep, ConfirmRescheduleStep, RescheduledStep } from './change_steps.js';
import { checkInAnnouncement } from './check_in_announcement.js';
import { DateStep } from './date_step.js';
import { ProblemStep } from './problem_step.js';
import { ReferenceStep } from './reference_step.js';
import { ScanStep } from './scan_step.js';
import { SlotStep } from './slot_step.js';
import { TicketStep } from './ticket_step.js';
import { WorkingStep } from './working_step.js';
import './booking.css';

const flow = 'check-in';

/** The check-in flow's screens: the step's announcement for audio guidance (check_in_announcement.ts) and its component. */
export function CheckInScreens({ view }: { view: CheckInFlowView }) {
  const f = useBookingFormat();
  return (
    <>
      <Announce prompts={checkInAnnouncement(view, f)} />
      <CheckInStep view={view} />
    </>
  );
}

/** One component per step. */
function CheckInStep({ view }: { view: CheckInFlowView }) {
  switch (view.step) {
    case 'scan':
      return <ScanStep purpose={view.purpose} notice={view.notice} />;
    case 'reference':
      return <ReferenceStep purpose={view.purpose} notice={view.notice} />;
    case 'working':
      return (
        <WorkingStep flow={flow} task={view.task} stage={view.task === 'finding' ? 'find' : 'booking'} />
      );
    case 'ticket':
      return <TicketStep ticket={view.ticket} when={view.when} slip={view.slip} />;
    case 'booking':
      return <BookingStep view={view} />;
    case 'date':
      return <DateStep flow={flow} view={view} />;
    case 'slot':
      return <SlotStep flow={flow} view={view} />;
    case 'confirm-reschedule':
      return <ConfirmRescheduleStep view={view} />;
    case 'rescheduled':
      return <RescheduledStep view={view} />;
    case 'confirm-cancel':
      return <ConfirmCancelStep view={view} />;
    case 'cancelled':
      return <CancelledStep view={view} />;
    case 'problem':
      return <ProblemStep flow={flow} problem={view.problem} />;
    default: {
      const unreachable: never = view;
      return unreachable;
    }
  }
}
