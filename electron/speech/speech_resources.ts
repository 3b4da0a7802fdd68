import enA11y from '../../locales/en/a11y.json' with { type: 'json' };
import enBookAppointment from '../../locales/en/book-appointment.json' with { type: 'json' };
import enBooking from '../../locales/en/booking.json' with { type: 'json' };
import enCheckIn from '../../locales/en/check-in.json' with { type: 'json' };
import enCheckProof from '../../locales/en/check-proof.json' with { type: 'json' };
import enCollectDocument from '../../locales/en/collect-document.json' with { type: 'json' };
import enCommon from '../../locales/en/common.json' with { type: 'json' };
import enHome from '../../locales/en/home.json' with { type: 'json' };
import enIdentify from '../../locales/en/identify.json' with { type: 'json' };
import enInput from '../../locales/en/input.json' with { type: 'json' };
import enLockerApply from '../../locales/en/locker-apply.json' with { type: 'json' };
import enLockerPickup from '../../locales/en/locker-pickup.json' with { type: 'json' };
import enMaintenance from '../../locales/en/maintenance.json' with { type: 'json' };
import enProofOfIdentity from '../../locales/en/proof-of-identity.json' with { type: 'json' };
import enPublications from '../../locales/en/publications.json' with { type: 'json' };
import enPublicationsMaintenance from '../../locales/en/publications-maintenance.json' with { type: 'json' };
import enSpeech from '../../locales/en/speech.json' with { type: 'json' };
import enStaffSignIn from '../../locales/en/staff-sign-in.json' with { type: 'json' };
import ptA11y from '../../locales/pt/a11y.json' with { type: 'json' };
import ptBookAppointment from '../../locales/pt/book-appointment.json' with { type: 'json' };
import ptBooking from '../../locales/pt/booking.json' with { type: 'json' };
import ptCheckIn from '../../locales/pt/check-in.json' with { type: 'json' };
import ptCheckProof from '../../locales/pt/check-proof.json' with { type: 'json' };
import ptCollectDocument from '../../locales/pt/collect-document.json' with { type: 'json' };
import ptCommon from '../../locales/pt/common.json' with { type: 'json' };
import ptHome from '../../locales/pt/home.json' with { type: 'json' };
import ptIdentify from '../../locales/pt/identify.json' with { type: 'json' };
import ptInput from '../../locales/pt/input.json' with { type: 'json' };
import ptLockerApply from '../../locales/pt/locker-apply.json' with { type: 'json' };
import ptLockerPickup from '../../locales/pt/locker-pickup.json' with { type: 'json' };
import ptMaintenance from '../../locales/pt/maintenance.json' with { type: 'json' };
import ptProofOfIdentity from '../../locales/pt/proof-of-identity.json' with { type: 'json' };
import ptPublications from '../../locales/pt/publications.json' with { type: 'json' };
import ptPublicationsMaintenance from '../../locales/pt/publications-maintenance.json' with { type: 'json' };
import ptSpeech from '../../locales/pt/speech.json' with { type: 'json' };
import ptStaffSignIn from '../../locales/pt/staff-sign-in.json' with { type: 'json' };
import hansA11y from '../../locales/zh-Hans/a11y.json' with { type: 'json' };
import hansBookAppointment from '../../locales/zh-Hans/book-appointment.json' with { type: 'json' };
import hansBooking from '../../locales/zh-Hans/booking.json' with { type: 'json' };
import hansCheckIn from '../../locales/zh-Hans/check-in.json' with { type: 'json' };
import hansCheckProof from '../../locales/zh-Hans/check-proof.json' with { type: 'json' };
import hansCollectDocument from '../../locales/zh-Hans/collect-document.json' with { type: 'json' };
import hansCommon from '../../locales/zh-Hans/common.json' with { type: 'json' };
import hansHome from '../../locales/zh-Hans/home.json' with { type: 'json' };
import hansIdentify from '../../locales/zh-Hans/identify.json' with { type: 'json' };
import hansInput from '../../locales/zh-Hans/input.json' with { type: 'json' };
import hansLockerApply from '../../locales/zh-Hans/locker-apply.json' with { type: 'json' };
import hansLockerPickup from '../../locales/zh-Hans/locker-pickup.json' with { type: 'json' };
import hansMaintenance from '../../locales/zh-Hans/maintenance.json' with { type: 'json' };
import hansProofOfIdentity from '../../locales/zh-Hans/proof-of-identity.json' with { type: 'json' };
import hansPublications from '../../locales/zh-Hans/publications.json' with { type: 'json' };
import hansPublicationsMaintenance from '../../locales/zh-Hans/publications-maintenance.json' with {
  type: 'json',
};
import hansSpeech from '../../locales/zh-Hans/speech.json' with { type: 'json' };
import hansStaffSignIn from '../../locales/zh-Hans/staff-sign-in.json' with { type: 'json' };
import hantA11y from '../../locales/zh-Hant/a11y.json' with { type: 'json' };
import hantBookAppointment from '../../locales/zh-Hant/book-appointment.json' with { type: 'json' };
import hantBooking from '../../locales/zh-Hant/booking.json' with { type: 'json' };
import hantCheckIn from '../../locales/zh-Hant/check-in.json' with { type: 'json' };
import hantCheckProof from '../../locales/zh-Hant/check-proof.json' with { type: 'json' };
import hantCollectDocument from '../../locales/zh-Hant/collect-document.json' with { type: 'json' };
import hantCommon from '../../locales/zh-Hant/common.json' with { type: 'json' };
import hantHome from '../../locales/zh-Hant/home.json' with { type: 'json' };
import hantIdentify from '../../locales/zh-Hant/identify.json' with { type: 'json' };
import hantInput from '../../locales/zh-Hant/input.json' with { type: 'json' };
import hantLockerApply from '../../locales/zh-Hant/locker-apply.json' with { type: 'json' };
import hantLockerPickup from '../../locales/zh-Hant/locker-pickup.json' with { type: 'json' };
import hantMaintenance from '../../locales/zh-Hant/maintenance.json' with { type: 'json' };
import hantProofOfIdentity from '../../locales/zh-Hant/proof-of-identity.json' with { type: 'json' };
import hantPublications from '../../locales/zh-Hant/publications.json' with { type: 'json' };
import hantPublicationsMaintenance from '../../locales/zh-Hant/publications-maintenance.json' with {
  type: 'json',
};
import hantSpeech from '../../locales/zh-Hant/speech.json' with { type: 'json' };
import hantStaffSignIn from '../../locales/zh-Hant/staff-sign-in.json' with { type: 'json' };
import type { Language } from '../rpc/languages.js';

/**
 * The locale namespaces audio guidance can speak, bundled into the main process (it has no locales folder at run
 * time). A bare key (`idle.title`) is looked up in the fallback namespaces, `speech` first (where the spoken words
 * differ from the screen's), then `a11y`, then `common`; a flow's own words are named with their namespace, as the
 * screen names them (`home:services.title`).
 *
 * A flow that adds `locales/<lang>/<flow>.json` adds its four imports here (speech_resources.test.ts fails until
 * it does, so no screen's words are ever unspeakable). `documents` is printed text, never spoken.
 */
export const fallbackNamespaces = ['speech', 'a11y', 'common'] as const;
export const flowNamespaces = [
  'home',
  'identify',
  'input',
  'book-appointment',
  'booking',
  'check-in',
  'collect-document',
  'proof-of-identity',
  'check-proof',
  'locker-pickup',
  'locker-apply',
  'publications',
  // Staff sign-in and the maintenance tools are spoken for a member of staff who cannot see the screen (issue 14:
  // every screen); never their name, id or PIN digits.
  'staff-sign-in',
  'maintenance',
  'publications-maintenance',
] as const;
export const speechNamespaces = [...fallbackNamespaces, ...flowNamespaces] as const;
export type SpeechNamespace = (typeof speechNamespaces)[number];
/** Locale files that are never spoken, with the reason. */
export const unspokenNamespaces: Readonly<Record<string, string>> = {
  documents: 'printed documents (receipts, slips, the A4 proof), not screens',
};

type Tree = Record<string, unknown>;

export const speechResources: Record<Language, Record<SpeechNamespace, Tree>> = {
  'zh-Hant': {
    speech: hantSpeech,
    a11y: hantA11y,
    common: hantCommon,
    home: hantHome,
    identify: hantIdentify,
    input: hantInput,
    'book-appointment': hantBookAppointment,
    booking: hantBooking,
    'check-in': hantCheckIn,
    'collect-document': hantCollectDocument,
    'proof-of-identity': hantProofOfIdentity,
    'check-proof': hantCheckProof,
    'locker-pickup': hantLockerPickup,
    maintenance: hantMaintenance,
    'publications-maintenance': hantPublicationsMaintenance,
    'locker-apply': hantLockerApply,
    publications: hantPublications,
    'staff-sign-in': hantStaffSignIn,
  },
  'zh-Hans': {
    speech: hansSpeech,
    a11y: hansA11y,
    common: hansCommon,
    home: hansHome,
    identify: hansIdentify,
    input: hansInput,
    'book-appointment': hansBookAppointment,
    booking: hansBooking,
    'check-in': hansCheckIn,
    'collect-document': hansCollectDocument,
    'proof-of-identity': hansProofOfIdentity,
    'check-proof': hansCheckProof,
    'locker-pickup': hansLockerPickup,
    maintenance: hansMaintenance,
    'publications-maintenance': hansPublicationsMaintenance,
    'locker-apply': hansLockerApply,
    publications: hansPublications,
    'staff-sign-in': hansStaffSignIn,
  },
  pt: {
    speech: ptSpeech,
    a11y: ptA11y,
    common: ptCommon,
    home: ptHome,
    identify: ptIdentify,
    input: ptInput,
    'book-appointment': ptBookAppointment,
    booking: ptBooking,
    'check-in': ptCheckIn,
    'collect-document': ptCollectDocument,
    'proof-of-identity': ptProofOfIdentity,
    'check-proof': ptCheckProof,
    'locker-pickup': ptLockerPickup,
    maintenance: ptMaintenance,
    'publications-maintenance': ptPublicationsMaintenance,
    'locker-apply': ptLockerApply,
    publications: ptPublications,
    'staff-sign-in': ptStaffSignIn,
  },
  en: {
    speech: enSpeech,
    a11y: enA11y,
    common: enCommon,
    home: enHome,
    identify: enIdentify,
    input: enInput,
    'book-appointment': enBookAppointment,
    booking: enBooking,
    'check-in': enCheckIn,
    'collect-document': enCollectDocument,
    'proof-of-identity': enProofOfIdentity,
    'check-proof': enCheckProof,
    'locker-pickup': enLockerPickup,
    maintenance: enMaintenance,
    'publications-maintenance': enPublicationsMaintenance,
    'locker-apply': enLockerApply,
    publications: enPublications,
    'staff-sign-in': enStaffSignIn,
  },
};
