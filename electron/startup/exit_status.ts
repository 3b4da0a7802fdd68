/**
 * The exit statuses of the kiosk's hosts and of `balcao`, from BSD's sysexits, so a supervisor (systemd, the
 * start script) can tell a mistake someone must fix from a crash worth restarting.
 */
export const exitStatus = {
  ok: 0,
  /** Not from sysexits: the plain failure of a check that ran and found something wrong (a broken audit chain). */
  checkFailed: 1,
  /** A command-line mistake: unknown flag, missing value, a bad environment variable. */
  usage: 64,
  /** Input data that cannot be used as asked (an id a signed code cannot carry). */
  dataError: 65,
  /** An input file that cannot be read or has the wrong shape (a key table). */
  noInput: 66,
  /** A service the command needs did not answer (the backend). */
  unavailable: 69,
  /** A file that exists and must not be overwritten (a terminal's key). */
  cannotCreate: 73,
  /** The journal cannot be opened. */
  ioError: 74,
  /**
   * EX_TEMPFAIL: staff asked for a restart from the maintenance screen (now, or at the time they set). The browser
   * host under its supervisor exits with it, and the supervisor starts the host again (restart_policy.ts).
   */
  restartRequested: 75,
  /** The configuration (or the signing key it names) is unusable, or this build refuses it. */
  config: 78,
} as const;
