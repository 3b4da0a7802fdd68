/**
 * A certificate's validity must be two well-formed times (RFC 5280 §4.1.2.5): UTCTime `YYMMDDHHMMSSZ` or
 * GeneralizedTime `YYYYMMDDHHMMSSZ`, each a real date and time. asn1js is lenient here: a UTCTime that is not a
 * time reads as 1899-11-30, and a GeneralizedTime without seconds or zone reads as some hour of some year. So the
 * times are read again from the certificate's own TBS bytes and checked strictly; a certificate that fails is
 * malformed, whether it came in EF.SOD or in the trust store.
 */
import type * as pkijs from 'pkijs';
import { decodeTlv, decodeTlvList, type Tlv } from './ber_tlv.js';

const UTC_TIME = 0x17;
const GENERALIZED_TIME = 0x18;
const VERSION_TAG = 0xa0;
/** Position of `validity` in TBSCertificate after the optional version: serialNumber, signature, issuer, validity. */
const VALIDITY_POSITION = 3;

function wellFormedTime(time: Tlv): boolean {
  const text = new TextDecoder('latin1').decode(time.value);
  const match =
    time.tag === UTC_TIME
      ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text)
      : time.tag === GENERALIZED_TIME
        ? /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text)
        : null;
  if (match === null) return false;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  // RFC 5280: a two-digit year of 50 or more is 19YY, otherwise 20YY; the day is checked against that year.
  const fullYear = time.tag === UTC_TIME ? (year >= 50 ? 1900 + year : 2000 + year) : year;
  const daysInMonth = new Date(Date.UTC(fullYear, month, 0)).getUTCDate();
  return (
    month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && hour < 24 && minute < 60 && second < 60
  );
}

export function hasWellFormedValidity(certificate: pkijs.Certificate): boolean {
  const tbs = decodeTlv(certificate.tbsView);
  if (!tbs.ok) return false;
  const fields = decodeTlvList(tbs.value.value);
  if (!fields.ok) return false;
  const afterVersion = fields.value[0]?.tag === VERSION_TAG ? fields.value.slice(1) : fields.value;
  const validity = afterVersion[VALIDITY_POSITION];
  if (validity === undefined || validity.tag !== 0x30) return false;
  const times = decodeTlvList(validity.value);
  if (!times.ok || times.value.length !== 2) return false;
  return (
    times.value.every(wellFormedTime) &&
    Number.isFinite(certificate.notBefore.value.getTime()) &&
    Number.isFinite(certificate.notAfter.value.getTime())
  );
}
