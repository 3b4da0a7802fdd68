import type { BookAppointmentFlowView } from '../../../electron/rpc/flows/book_appointment_contract.js';
import { Announce } from '../../a11y/announce.js';
import { IdentifyScreens } from '../identify/identify_screens.js';
import { AlreadyBookedStep } from './already_booked_step.js';
import { bookAppointmentAnnouncement } from './book_appointment_announcement.js';
import { BookedStep } from './booked_step.js';
import { useBookingFormat } from './booking_format.js';
import { StepIndicator } from './booking_frame.js';
import { CentreStep } from './centre_step.js';
import { ConfirmStep } from './confirm_step.js';
import { DateStep } from './date_step.js';
import { DepartmentsStep } from './departments_step.js';
import { ProblemStep } from './problem_step.js';
import { SearchStep } from './search_step.js';
import { ServiceStep } from './service_step.js';
import { ServicesStep } from './services_step.js';
import { SiteStep } from './site_step.js';
import { SlotStep } from './slot_step.js';
import { WorkingStep } from './working_step.js';
import './booking.css';

const flow = 'book-appointment';

/**
 * The booking flow's screens: the step's announcement for audio guidance (book_appointment_announcement.ts; the
 * identify step speaks for itself), and the step's component.
 */
export function BookAppointmentScreens({ view }: { view: BookAppointmentFlowView }) {
  const f = useBookingFormat();
  return (
    <>
      {view.step === 'identify' ? null : <Announce prompts={bookAppointmentAnnouncement(view, f)} />}
      <BookAppointmentStep view={view} />
    </>
  );
}

/** One component per step, chosen by the step the main process says it is on. */
function BookAppointmentStep({ view }: { view: BookAppointmentFlowView }) {
  switch (view.step) {
    case 'site':
      return <SiteStep home={view.home} />;
    case 'departments':
      return <DepartmentsStep view={view} />;
    case 'search':
      return <SearchStep view={view} />;
    case 'services':
      return <ServicesStep view={view} />;
    case 'service':
      return <ServiceStep details={view.details} />;
    case 'centre':
      return <CentreStep view={view} />;
    case 'date':
      return <DateStep flow={flow} view={view} />;
    case 'slot':
      return <SlotStep flow={flow} view={view} />;
    case 'identify':
      return (
        <IdentifyScreens
          view={view.identify}
          stepIndicator={<StepIndicator flow={flow} stage="identify" />}
        />
      );
    case 'confirm':
      return <ConfirmStep appointment={view.appointment} resident={view.resident} />;
    case 'working':
      return (
        <WorkingStep
          flow={flow}
          task={view.task}
          stage={view.task === 'booking' ? 'confirm' : view.task === 'availability' ? 'time' : 'service'}
        />
      );
    case 'booked':
      return <BookedStep booking={view.booking} slip={view.slip} />;
    case 'already-booked':
      return <AlreadyBookedStep booking={view.booking} />;
    case 'problem':
      return <ProblemStep flow={flow} problem={view.problem} />;
    default: {
      const unreachable: never = view;
      return unreachable;
    }
  }
}
