/**
 * The catalogue of everything the kiosk logs. Every log line names one of these ids (the `event` field), so a
 * technician or a log collector can look up what a line means, and whether it reports a success, a failure or
 * just a fact, without reading code (as VotingWorks' VxSuite declares its log event ids once).
 *
 * Rules:
 * - an id is declared here once, with a one-line meaning; `KioskLogger.log` accepts nothing else (the type is
 *   `LogEventId`), and a test checks every id is documented in docs/log_events.md;
 * - an id is never reused for another meaning: retire it and add a new one;
 * - the meaning is a sentence for people; the fields of a line carry ids, states, codes and counts, never
 *   personal data (see redaction.ts for the safety net).
 */

export type LogDisposition = 'success' | 'failure' | 'info';
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface LogEventDetails {
  disposition: LogDisposition;
  level: LogLevel;
  /** One line: what happened, for the person reading the log. */
  meaning: string;
}

export const logEvents = {
  // Start-up, configuration and shut-down
  'config-loaded': {
    disposition: 'success',
    level: 'info',
    meaning: 'The configuration file was read and validated.',
  },
  'journal-opened': {
    disposition: 'success',
    level: 'info',
    meaning: 'The journal (SQLite) was opened and its migrations applied.',
  },
  'signing-key-ephemeral': {
    disposition: 'info',
    level: 'warn',
    meaning:
      'No documents.signingKeyFile: documents are signed with a key made for this run only (development and test).',
  },
  'kiosk-boot-failed': {
    disposition: 'failure',
    level: 'error',
    meaning:
      'The kiosk cannot start: its configuration, signing key, journal or backend is unusable (see message).',
  },
  'launch-refused': {
    disposition: 'failure',
    level: 'error',
    meaning: 'A packaged build refused a development/test configuration or a debugging switch.',
  },
  'chromium-switches-passed': {
    disposition: 'info',
    level: 'info',
    meaning: 'Command-line switches the kiosk does not know were left to Chromium (Electron shell).',
  },
  'kiosk-started': {
    disposition: 'success',
    level: 'info',
    meaning:
      'The kiosk is running: configuration, journal, backend and key loaded, devices started, services composed.',
  },
  'kiosk-stopping': {
    disposition: 'info',
    level: 'info',
    meaning: 'The kiosk was asked to stop and is closing its devices, journal and backend.',
  },

  // Sessions
  'session-started': { disposition: 'success', level: 'info', meaning: 'A resident started a session.' },
  'session-idle-warning': {
    disposition: 'info',
    level: 'info',
    meaning: 'The session is idle: "Need more time?" is showing.',
  },
  'session-extended': {
    disposition: 'info',
    level: 'info',
    meaning: 'The resident answered "Need more time?" and the session was extended.',
  },
  'session-flow-entered': {
    disposition: 'info',
    level: 'info',
    meaning: 'A session moved into another flow (which flow, never what the resident chose or entered).',
  },
  'session-ended': {
    disposition: 'success',
    level: 'info',
    meaning: 'A session ended (done, cancelled or out of service); its personal data was wiped.',
  },
  'session-timed-out': {
    disposition: 'info',
    level: 'info',
    meaning: 'A session ended because the resident stopped answering; its personal data was wiped.',
  },

  // Identify (the sub-flow every resident flow that must know who the resident is embeds)
  'identify-document-read': {
    disposition: 'info',
    level: 'info',
    meaning:
      'A document on a reader was read for identification: which method, the outcome code (read, expired, not-genuine…) and how long it took.',
  },
  'identify-refused': {
    disposition: 'failure',
    level: 'info',
    meaning:
      'Identification stopped with a message for the resident (expired, not genuine, unreadable, not known, PIN locked, unavailable…): the reason code only.',
  },
  'identify-pin-wrong': {
    disposition: 'failure',
    level: 'info',
    meaning: 'The backend refused a collection PIN: how many attempts are left (0: locked). Never the PIN.',
  },
  'identify-face-unavailable': {
    disposition: 'failure',
    level: 'warn',
    meaning: "The chip's face could not be made into an image for the confirm screen (the decoder's code).",
  },
  'identify-completed': {
    disposition: 'success',
    level: 'info',
    meaning:
      'A resident was identified and handed to the flow that asked (method, purpose, whether a PIN was checked).',
  },
  // Collect my document
  'collection-released': {
    disposition: 'info',
    level: 'info',
    meaning:
      'A document was handed over by the dispenser or a locker door (transaction, collection id, card or booklet, and whether it was taken).',
  },
  'collection-not-released': {
    disposition: 'failure',
    level: 'info',
    meaning:
      "A document could not be set aside for release (the backend's refusal code or why it did not answer).",
  },
  'collection-receipt-not-printed': {
    disposition: 'failure',
    level: 'warn',
    meaning:
      'A collection receipt could not be queued for printing (the print error code); the collection itself stands.',
  },
  // Proof of identity
  'proof-issued': {
    disposition: 'success',
    level: 'info',
    meaning:
      'A proof of identity was registered with the backend and printed (the transaction id, never a fact of it).',
  },
  'proof-not-issued': {
    disposition: 'failure',
    level: 'info',
    meaning:
      "A proof of identity could not be registered or queued for printing (the step and the error's code).",
  },
  'proof-checked': {
    disposition: 'info',
    level: 'info',
    meaning:
      'A printed proof of identity was checked at the kiosk (the verdict and whether its QR was scanned or its code typed, never a fact of the proof).',
  },
  'proof-code-not-found': {
    disposition: 'failure',
    level: 'warn',
    meaning:
      'A verification code typed at the check-a-proof screen names no proof: counted towards the kiosk’s limit on typed codes.',
  },
  // The terminal's document-signing key in the backend's key table
  'signing-key-registered': {
    disposition: 'success',
    level: 'info',
    meaning: "The backend has the terminal's document-signing public key: proofs it prints can be checked.",
  },
  'signing-key-registration-waiting': {
    disposition: 'failure',
    level: 'warn',
    meaning:
      "The backend did not answer the signing key's registration: it is kept in the journal and sent again.",
  },
  'signing-key-registration-refused': {
    disposition: 'failure',
    level: 'error',
    meaning:
      "The backend refused the terminal's signing key (the error's code): proofs printed here will not check.",
  },
  // Kiosk status and maintenance
  'kiosk-out-of-service': {
    disposition: 'failure',
    level: 'warn',
    meaning: 'The kiosk stopped serving residents (maintenance or a required device unusable).',
  },
  'kiosk-in-service': {
    disposition: 'success',
    level: 'info',
    meaning: 'The kiosk serves residents again.',
  },
  'maintenance-entered': {
    disposition: 'info',
    level: 'info',
    meaning: 'Staff put the kiosk into maintenance; any running session was ended.',
  },
  'maintenance-left': {
    disposition: 'info',
    level: 'info',
    meaning: 'Staff took the kiosk out of maintenance.',
  },
  'maintenance-entry-deferred': {
    disposition: 'info',
    level: 'info',
    meaning:
      'Maintenance was asked for while a resident transaction was in progress: it starts when the transaction ends.',
  },
  'maintenance-left-not-ready': {
    disposition: 'failure',
    level: 'warn',
    meaning:
      'Staff left maintenance with a required device not ready: the kiosk stays out of service until it is.',
  },

  // Staff sign-in and the maintenance tools (who did what is in the audit log; these lines carry ids and codes)
  'staff-badge-keys-missing': {
    disposition: 'failure',
    level: 'warn',
    meaning:
      'The configuration lists no staff-badge key (staff.badgeKeys): nobody can sign in for maintenance.',
  },
  'staff-sign-in-opened': {
    disposition: 'info',
    level: 'info',
    meaning: 'The staff sign-in screen was opened (hidden gesture or a staff badge at the scanner).',
  },
  'staff-badge-refused': {
    disposition: 'failure',
    level: 'warn',
    meaning: 'A staff badge was refused (malformed, tampered, signed by an unknown key, or expired).',
  },
  'staff-pin-refused': {
    disposition: 'failure',
    level: 'warn',
    meaning: 'A staff PIN was wrong (attempts left before the badge is locked out are given).',
  },
  'staff-locked-out': {
    disposition: 'failure',
    level: 'warn',
    meaning: 'A staff badge was locked out after wrong PINs, for the time given (it doubles each time).',
  },
  'staff-sign-in-unavailable': {
    disposition: 'failure',
    level: 'warn',
    meaning: 'A staff PIN could not be checked: the backend did not answer (see error).',
  },
  'staff-signed-in': { disposition: 'success', level: 'info', meaning: 'A member of staff signed in.' },
  'staff-signed-out': {
    disposition: 'info',
    level: 'info',
    meaning: 'A staff session ended (signed out, left maintenance or timed out).',
  },
  'maintenance-action': {
    disposition: 'success',
    level: 'info',
    meaning: 'Staff ran a maintenance action (see action and ids): a reprint, a void, an acknowledgement.',
  },
  'maintenance-action-failed': {
    disposition: 'failure',
    level: 'warn',
    meaning: 'A maintenance action or device test did not succeed (see action and code).',
  },
  'restart-scheduled': {
    disposition: 'info',
    level: 'info',
    meaning: 'Staff scheduled a restart of the kiosk application at the time given (or cancelled one).',
  },
  'restart-requested': {
    disposition: 'info',
    level: 'warn',
    meaning: 'The kiosk application is restarting now, as staff asked.',
  },
  'support-bundle-written': {
    disposition: 'success',
    level: 'info',
    meaning: 'A support bundle (recent logs, configuration without secrets, devices, counters) was written.',
  },
  'recent-log-unavailable': {
    disposition: 'failure',
    level: 'warn',
    meaning:
      'The recent log file staff read in maintenance cannot be written (see code); lines still go to stdout.',
  },

  // The heartbeat to the backend
  'heartbeat-sent': {
    disposition: 'success',
    level: 'debug',
    meaning: 'A heartbeat report reached the backend.',
  },
  'heartbeat-backend-unreachable': {
    disposition: 'failure',
    level: 'warn',
    meaning:
      'Heartbeat reports cannot reach the backend: they are kept in the journal and sent later, in order.',
  },
  'heartbeat-backlog-sent': {
    disposition: 'success',
    level: 'info',
    meaning: 'The backend answers again: the heartbeat reports kept while it did not were sent, in order.',
  },
  'heartbeat-queue-full': {
    disposition: 'failure',
    level: 'warn',
    meaning: 'The journal’s heartbeat queue reached heartbeat.queueLimit: the oldest reports were dropped.',
  },
  'heartbeat-refused': {
    disposition: 'failure',
    level: 'error',
    meaning: 'The backend refused a heartbeat report as outside the contract (a bug): it was dropped.',
  },

  // Devices
  'device-connected': {
    disposition: 'success',
    level: 'info',
    meaning: 'A device answers again after being disconnected.',
  },
  'device-disconnected': {
    disposition: 'failure',
    level: 'warn',
    meaning: 'A device stopped answering (unplugged, powered off or a USB fault).',
  },
  'device-error': {
    disposition: 'failure',
    level: 'warn',
    meaning: 'A device reported a fault with no state of its own (see code).',
  },
  'device-paper-out': { disposition: 'failure', level: 'warn', meaning: 'A printer ran out of paper.' },
  'device-paper-low': { disposition: 'info', level: 'info', meaning: 'A printer’s paper is running low.' },
  'device-cover-open': { disposition: 'failure', level: 'warn', meaning: 'A printer’s cover was opened.' },
  'device-dispenser-jam': {
    disposition: 'failure',
    level: 'warn',
    meaning: 'A document dispenser jammed: a card is stuck in its channel until staff clear it.',
  },
  'device-dispenser-empty': {
    disposition: 'failure',
    level: 'warn',
    meaning: 'A document dispenser’s stacker is empty.',
  },
  'device-dispenser-low': {
    disposition: 'info',
    level: 'info',
    meaning: 'A document dispenser’s stacker is running low.',
  },
  'device-recovered': {
    disposition: 'success',
    level: 'info',
    meaning: 'A device left a fault (paper loaded, cover closed, error cleared).',
  },
  'device-state-changed': {
    disposition: 'info',
    level: 'debug',
    meaning: 'A device moved between working states (ready, busy, card present).',
  },
  'device-fault-contained': {
    disposition: 'failure',
    level: 'error',
    meaning: 'A driver or status listener threw; the device manager caught it so other devices keep working.',
  },

  // RPC and the browser-mode host
  'rpc-refused': {
    disposition: 'failure',
    level: 'warn',
    meaning: 'An RPC call was refused before any service saw it (unknown method, bad params, forbidden).',
  },
  'rpc-internal-error': {
    disposition: 'failure',
    level: 'error',
    meaning: 'An RPC handler failed with a bug; the caller was told "internal".',
  },
  'host-listening': {
    disposition: 'success',
    level: 'info',
    meaning: 'The browser-mode host listens on loopback (the token is never logged).',
  },
  'host-connection-refused': {
    disposition: 'failure',
    level: 'warn',
    meaning: 'A browser-mode connection was refused (missing or wrong token, foreign origin, bad request).',
  },
  'host-frame-refused': {
    disposition: 'failure',
    level: 'warn',
    meaning: 'A WebSocket frame the host cannot accept closed that socket; other screens keep working.',
  },
  'host-request-unparsable': {
    disposition: 'failure',
    level: 'warn',
    meaning: 'The browser-mode host could not parse a request (bad request line or headers) and closed it.',
  },
  'host-request-failed': {
    disposition: 'failure',
    level: 'error',
    meaning:
      'The browser-mode host failed on a request with a bug; that connection was closed, others go on.',
  },
  'host-socket-connected': {
    disposition: 'success',
    level: 'info',
    meaning: 'A screen opened its RPC socket to the browser-mode host.',
  },
  'host-socket-closed': {
    disposition: 'info',
    level: 'info',
    meaning: 'A screen’s RPC socket to the browser-mode host closed (see code).',
  },
  'host-frame-unanswered': {
    disposition: 'failure',
    level: 'error',
    meaning: 'The browser-mode host could not answer a request frame (a bug); the socket keeps serving.',
  },

  // The browser-mode supervisor (`npm start` without Electron), a process of its own
  'supervisor-host-started': {
    disposition: 'success',
    level: 'info',
    meaning: 'The supervisor started a browser-mode host process.',
  },
  'supervisor-host-stopped': {
    disposition: 'info',
    level: 'info',
    meaning: 'The browser-mode host stopped as asked (exit 0 or a stop signal); the supervisor ends.',
  },
  'supervisor-host-restarting': {
    disposition: 'failure',
    level: 'error',
    meaning: 'The browser-mode host crashed; the supervisor starts it again after the delay given.',
  },
  'supervisor-host-not-restarted': {
    disposition: 'failure',
    level: 'error',
    meaning:
      'The browser-mode host ended with a status a restart cannot cure (see reason); the supervisor ends.',
  },
  'supervisor-host-unstartable': {
    disposition: 'failure',
    level: 'error',
    meaning: 'The supervisor could not start the browser-mode host program at all; it ends.',
  },

  // The Electron shell
  'renderer-gone': {
    disposition: 'failure',
    level: 'error',
    meaning: 'A renderer, GPU or utility process died or hung; the shell reloads the page or relaunches.',
  },

  // Printing
  'print-job-queued': {
    disposition: 'info',
    level: 'info',
    meaning: 'A print job was journalled and queued.',
  },
  'print-job-duplicate-ignored': {
    disposition: 'info',
    level: 'info',
    meaning: 'A print request repeated an existing job’s idempotency key and was not printed again.',
  },
  'print-job-confirmed': {
    disposition: 'success',
    level: 'info',
    meaning: 'The printer confirmed a job was printed.',
  },
  'print-job-blocked': {
    disposition: 'failure',
    level: 'warn',
    meaning: 'A job waits for the printer (paper out, cover open, disconnected); it prints when it is ready.',
  },
  'print-job-needs-attention': {
    disposition: 'failure',
    level: 'warn',
    meaning:
      'A job cannot finish on its own (outcome unknown after a timeout or printer error, or not printed: the CUPS queue stopped, the job aborted, the spooler unreachable) and was handed to staff (reprint or void from maintenance).',
  },
  'print-job-held-for-staff': {
    disposition: 'failure',
    level: 'warn',
    meaning: 'The resident left before their job printed; the job was handed to staff.',
  },
  'print-jobs-recovered': {
    disposition: 'failure',
    level: 'warn',
    meaning: 'Jobs interrupted by the last shut-down need staff attention.',
  },
  'print-job-reprint-requested': {
    disposition: 'info',
    level: 'info',
    meaning: 'Staff asked for a job to be printed again (recorded with who and why).',
  },
  'print-job-expired': {
    disposition: 'info',
    level: 'info',
    meaning:
      'An unresolved job passed its retention (journal.unresolvedPayloadHours): voided, its document bytes dropped.',
  },
  'document-not-printable': {
    disposition: 'failure',
    level: 'warn',
    meaning:
      'A document could not be rendered (a character no font has, or a layout overflow); staff alerted.',
  },

  // The journal: staff alerts, resident transactions, the audit log, personal data leaving the files
  'staff-alert-raised': {
    disposition: 'info',
    level: 'warn',
    meaning: 'A staff alert was raised (see kind); staff see it in maintenance and acknowledge it there.',
  },
  'transaction-recovered': {
    disposition: 'success',
    level: 'info',
    meaning: 'A transaction an earlier run left unfinished was settled by its owner (confirmed or voided).',
  },
  'transaction-handed-to-staff': {
    disposition: 'failure',
    level: 'warn',
    meaning: 'A transaction an earlier run left unfinished needs a person to settle it; staff were alerted.',
  },
  'transaction-resolver-failed': {
    disposition: 'failure',
    level: 'warn',
    meaning:
      'The owner of an unfinished transaction could not say how it ended (backend unreachable); recovery asks again later.',
  },
  'transaction-recovery-failed': {
    disposition: 'failure',
    level: 'error',
    meaning: 'Recovery of unfinished transactions failed with a bug; they wait for the next start.',
  },
  'audit-append-failed': {
    disposition: 'failure',
    level: 'error',
    meaning: 'An event the kiosk records by itself could not be written to the audit log (see code).',
  },
  'journal-checkpoint-deferred': {
    disposition: 'failure',
    level: 'warn',
    meaning:
      'A reader held the journal’s write-ahead log: dropped document bytes stay in it until the next checkpoint.',
  },

  // The backend (government services): the embedded file, or the http client's gateway
  'backend-embedded-seeded': {
    disposition: 'success',
    level: 'info',
    meaning:
      'The embedded backend’s file was new: it was created and seeded (catalogue, sample residents, staff, slots).',
  },
  'backend-embedded-opened': {
    disposition: 'success',
    level: 'info',
    meaning:
      'The embedded backend’s file was opened; slots were topped up, and the catalogue replaced if the seed changed.',
  },
  'backend-http-configured': {
    disposition: 'info',
    level: 'info',
    meaning: 'The kiosk calls a government gateway over HTTP (see baseUrl); nothing was sent yet.',
  },
  'backend-unreachable': {
    disposition: 'failure',
    level: 'warn',
    meaning: 'A backend call got no answer after its retries: no connection, a timeout or a 5xx (see error).',
  },
  'backend-circuit-opened': {
    disposition: 'failure',
    level: 'warn',
    meaning:
      'The backend failed repeatedly: calls are answered "unreachable" at once until the cool-down ends.',
  },
  'backend-circuit-probing': {
    disposition: 'info',
    level: 'info',
    meaning: 'The backend’s cool-down ended: the next call is sent to find out whether it is back.',
  },
  'backend-services-withdrawn': {
    disposition: 'failure',
    level: 'warn',
    meaning:
      'A backend call got no answer: the home screen marks the services that need the government systems as unavailable and the kiosk asks again every 30 s.',
  },
  'backend-services-restored': {
    disposition: 'success',
    level: 'info',
    meaning: 'The backend answered again: the services that need it are offered on the home screen again.',
  },
  'backend-circuit-closed': {
    disposition: 'success',
    level: 'info',
    meaning: 'The backend answered again: the circuit closed and calls go through.',
  },
  // Booking and check-in (electron/flows/booking/): ids, operations and codes, never who or which booking
  'booking-change-made': {
    disposition: 'success',
    level: 'info',
    meaning:
      'A booking was made, rescheduled or cancelled, or checked in (see operation), for a resident at the kiosk.',
  },
  'booking-change-refused': {
    disposition: 'info',
    level: 'info',
    meaning:
      'The backend refused a booking change (slot taken, too early, wrong centre…: see code); nothing changed.',
  },
  'booking-change-unanswered': {
    disposition: 'failure',
    level: 'warn',
    meaning:
      'A booking change got no answer (see error): it is asked again with the same key, or settled later.',
  },
  'booking-change-settled': {
    disposition: 'info',
    level: 'info',
    meaning:
      'A booking change that had no answer when the resident left was settled by asking the backend again.',
  },
  'booking-backend-unavailable': {
    disposition: 'failure',
    level: 'warn',
    meaning: 'The booking flows could not reach the backend (see call and error); the resident was told.',
  },

  // Audio guidance (electron/speech/)
  'speech-ready': {
    disposition: 'success',
    level: 'info',
    meaning:
      'Audio guidance is ready: the site’s recorded prompts indexed and the screens’ words rendered ahead (counts, the player).',
  },
  'speech-player-missing': {
    disposition: 'failure',
    level: 'warn',
    meaning:
      'No audio player (pw-play, paplay, aplay) was found for the configured output: audio guidance is silent.',
  },
  'speech-prompt-failed': {
    disposition: 'failure',
    level: 'warn',
    meaning:
      'Audio guidance could not speak a prompt: the engine or the player failed (the message key and code).',
  },
  'speech-recorded-prompt-skipped': {
    disposition: 'info',
    level: 'warn',
    meaning:
      'A file in the site’s recorded prompts was skipped: not a usable WAV, or not named after a message key.',
  },
  'locker-pickup-refused': {
    disposition: 'failure',
    level: 'info',
    meaning:
      'A pickup code opened no door (the reason: forged, expired, wrong-station, used, unknown, malformed, unavailable, too-many-tries; scanned or typed).',
  },
  'locker-door-opened': {
    disposition: 'success',
    level: 'info',
    meaning:
      'A locker door opened for a pickup: relay read back and door seen open (transaction, compartment, attempts).',
  },
  'locker-door-not-opened': {
    disposition: 'failure',
    level: 'warn',
    meaning:
      'A locker door did not open for a pickup, or may have opened unseen (transaction, compartment, outcome, detail).',
  },
  'locker-door-left-open': {
    disposition: 'failure',
    level: 'warn',
    meaning: 'A locker door stayed open past the station’s limit after a pickup; staff were alerted.',
  },
  'locker-pickup-recorded': {
    disposition: 'info',
    level: 'info',
    meaning:
      'How recording a pickup with the backend ended: recorded, refused (handed to staff) or no answer (recovery asks again).',
  },
  'locker-application-made': {
    disposition: 'success',
    level: 'info',
    meaning:
      'A Smart Locker application was made at a service kiosk: the catalogue service and the pickup point chosen (no resident data).',
  },
  'locker-pickup-receipt-not-printed': {
    disposition: 'failure',
    level: 'warn',
    meaning:
      'The pickup receipt a resident asked for at a locker station could not be queued (the pickup itself stands).',
  },
  // Government publications (electron/flows/publications/)
  'publications-catalogue-unavailable': {
    disposition: 'failure',
    level: 'warn',
    meaning:
      'The publications and slots could not be read from the backend: the resident is told (error kind).',
  },
  'publication-payment-answered': {
    disposition: 'info',
    level: 'info',
    meaning:
      'A wallet payment code was sent for a basket and answered: paid, refused (reason) or no answer (transaction, items, amount in avos; never the code).',
  },
  'publication-slot-failed': {
    disposition: 'failure',
    level: 'warn',
    meaning:
      'A vending slot turned twice without the drop sensor seeing an item: the item is refunded, the slot marked empty and staff alerted (transaction, device, slot).',
  },
  'publication-sale-ended': {
    disposition: 'info',
    level: 'info',
    meaning:
      'A paid publication sale ended: completed, refund refused (staff) or refund pending (recovery) (transaction, dispensed, not dispensed, refunded avos).',
  },
  'publication-receipt-not-printed': {
    disposition: 'failure',
    level: 'warn',
    meaning: 'A publications receipt could not be queued for the ticket printer (reason); the sale stands.',
  },
} as const satisfies Record<string, LogEventDetails>;

export type LogEventId = keyof typeof logEvents;

export const logEventIds = Object.keys(logEvents) as LogEventId[];

export function isLogEventId(id: string): id is LogEventId {
  return Object.hasOwn(logEvents, id);
}
