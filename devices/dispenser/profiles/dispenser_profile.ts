/**
 * What a card dispenser of the Creator CRT-5xx family (and the many dispensers that copied its serial protocol)
 * varies on, as data: the framing bytes, the handshake, the command and parameter codes, and the meaning of the
 * status and error bytes. The codec, the link and the driver read everything model-specific from here, so a new
 * dispenser whose manual describes the same frame shape is a new profile file, not new code. `crt591.ts` is the
 * first one and says where each value comes from.
 */

/** One command as the dispenser takes it: the command byte (CM) and its parameter byte (PM). */
export interface CommandCode {
  readonly cm: number;
  readonly pm: number;
}

/** Where a card is in the dispenser's channel (status byte st0). */
export type CardPosition = 'none' | 'gate' | 'inside';
/** How full a stacker is (st1): the sensors only tell empty / a few left / enough, never a count. */
export type StackerLevel = 'empty' | 'low' | 'ok';
/** The reject (error card) bin (st2). */
export type RejectBinLevel = 'ok' | 'full';

/**
 * What a negative answer's two error characters mean to the kiosk. `needs-init` = the device refuses everything until
 * it is initialised (after power-on); `refused` = the command was not executed (bad command or parameter; a bug or a
 * profile that does not fit the model); `device` = any other hardware fault, for staff.
 */
export type DeviceFault = 'jam' | 'empty' | 'reject-bin-full' | 'needs-init' | 'refused' | 'device';

export interface DispenserProfile {
  /** The profile's id in the configuration (`options.profile`). */
  readonly id: string;
  readonly model: string;
  readonly framing: {
    readonly stx: number;
    readonly etx: number;
    /** First byte of a command's text ('C'). */
    readonly commandHead: number;
    /** First byte of a positive answer's text ('P'). */
    readonly positiveHead: number;
    /** First byte(s) of a negative answer's text; sources disagree, so a profile may accept several. */
    readonly negativeHeads: readonly number[];
    /** Longest text (head + CM + PM + data) either side may send. */
    readonly maxTextLength: number;
  };
  readonly control: {
    readonly ack: number;
    readonly nak: number;
    readonly enq: number;
    readonly eot: number;
  };
  readonly handshake: {
    /**
     * Whether the device waits for the host's ENQ after its ACK before it executes the command (the older Creator
     * and clone manuals), or executes as soon as it has ACKed (CRT-591-M001).
     */
    readonly enqAfterAck: boolean;
    /** How long the device takes at most to ACK a frame. */
    readonly ackTimeoutMs: number;
  };
  readonly commands: {
    /** Initialise (reset) the mechanism without moving a card that may be inside. */
    readonly initialise: CommandCode;
    readonly status: CommandCode;
    /** Per stacker (cassette), in order: take a card from it and hold it at the gate for the resident. */
    readonly present: readonly CommandCode[];
    /** Move the card in the channel (or at the gate) into the reject bin. */
    readonly retract: CommandCode;
  };
  readonly status: {
    readonly card: Readonly<Record<number, CardPosition>>;
    readonly stacker: Readonly<Record<number, StackerLevel>>;
    readonly rejectBin: Readonly<Record<number, RejectBinLevel>>;
  };
  /** Error characters (e1 e0, e.g. "10") → what they mean; a code not listed is a `device` fault. */
  readonly errors: Readonly<Record<string, DeviceFault>>;
  readonly defaultBaudRate: number;
}
