/**
 * Sending eMRTD commands over an `ApduChannel`, plain (before access control) or under secure messaging. Both
 * return the same typed result, so the LDS reader does not care which one it holds.
 */
import type { ApduChannel, ApduFailure } from '../iso7816/apdu_channel.js';
import { type CommandApdu, encodeCommandApdu, type ResponseApdu, splitResponse } from './emrtd_commands.js';
import type { SecureMessaging, SmError } from './secure_messaging.js';

export type LinkError =
  | { readonly code: 'transport'; readonly failure: ApduFailure }
  | { readonly code: 'malformed-response' }
  | SmError;

export type LinkResult = { ok: true; value: ResponseApdu } | { ok: false; error: LinkError };

export interface CardLink {
  send(command: CommandApdu): Promise<LinkResult>;
}

export function plainLink(channel: ApduChannel): CardLink {
  return {
    async send(command) {
      const sent = await channel.transmit(encodeCommandApdu(command));
      if (!sent.ok) return { ok: false, error: { code: 'transport', failure: sent.error } };
      const response = splitResponse(sent.response);
      return response === undefined
        ? { ok: false, error: { code: 'malformed-response' } }
        : { ok: true, value: response };
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
        return { ok: false, error: { code: 'transport', failure: sent.error } };
      }
      return session.unwrap(sent.response);
    },
  };
}
