import { createResidentStore } from './resident_store.js';

type StaffCall = 'not-called' | 'called' | 'already-called';

interface HelpPanelState {
  open: boolean;
  /** What the last "Call a member of staff" got: shown and spoken in the panel. */
  staffCall: StaffCall;
  setOpen(open: boolean): void;
  setStaffCall(staffCall: StaffCall): void;
}

/** Whether Help is open, and whether staff have been called in this session (the alert itself is in the journal). */
export const useHelpPanel = createResidentStore<HelpPanelState>(
  { open: false, staffCall: 'not-called' },
  (set) => ({
    setOpen: (open) => set({ open }),
    setStaffCall: (staffCall) => set({ staffCall }),
  }),
);
