/**
 * Sending eMRTD commands over an `ApduChannel`, plain (before access control) or under secure messaging. Both
 * return the same typed result, so the LDS reader does not care which one it holds.
 */

import { err, ok, type Result } from '../../../lib/result.js';
import type { ApduChannel, ApduFailure } from '../iso7816/apdu_channel.js';
import { type CommandApdu, encodeCommandApdu, type ResponseApdu, splitResponse } from './emrtd_commands.js';
import type { SecureMessaging, SmError } from './secure_messaging.js';

export type LinkError =
  | { readonly code: 'transport'; readonly failure: ApduFailure }
  | { readonly code: 'malformed-response' }
  | SmError;

export type LinkResult = Result<ResponseApdu, LinkError>;

export interface CardLink {
  send(command: CommandApdu): Promise<LinkResult>;
}

export function plainLink(channel: ApduChannel): CardLink {
  return {
    async send(command) {
      const sent = await channel.transmit(encodeCommandApdu(command));
      if (!sent.ok) return err({ code: 'transport', failure: sent.error });
      const response = splitResponse(sent.value);
      return response === undefined ? err({ code: 'malformed-response' }) : ok(response);
    },
  };
}

/** Wrap each command, unwrap each response; a transport failure also ends the session (the chip lost its keys). */
export function secureLink(channel: ApduChannel, session: SecureMessaging): CardLink {
  return {
    async send(command) {
      const wrapped = session.wrap(command);
      if (!wrapped.ok) return wrapped;
      const sent = await channel.transmit(wrapped.value);
      if (!sent.ok) {
        session.end();
        return err({ code: 'transport', failure: sent.error });
      }
      return session.unwrap(sent.value);
    },
  };
}
