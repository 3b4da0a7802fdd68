import type { z } from 'zod';
import {
  AvailabilityReplySchema,
  AvailabilityRequestSchema,
  BookingSchema,
  CancelBookingRequestSchema,
  CheckInRequestSchema,
  CreateBookingRequestSchema,
  FindBookingRequestSchema,
  QueueTicketSchema,
  RescheduleBookingRequestSchema,
  ResidentBookingsReplySchema,
  ResidentBookingsRequestSchema,
} from './bookings.js';
import {
  CatalogueSchema,
  LockerPointsReplySchema,
  LockerPointsRequestSchema,
  TerminalProfileRequestSchema,
  TerminalProfileSchema,
} from './catalogue.js';
import {
  CheckCollectionPinRequestSchema,
  CollectionAuthorisationSchema,
  CollectionConfirmedSchema,
  CollectionReleasedSchema,
  CollectionReservationSchema,
  ConfirmCollectionRequestSchema,
  DocumentsReadyReplySchema,
  DocumentsReadyRequestSchema,
  ReportNotCollectedRequestSchema,
  ReserveCollectionRequestSchema,
} from './collection.js';
import { EmptySchema } from './common.js';
import type { RejectionCode } from './errors.js';
import { HeartbeatReceivedSchema, ReportHeartbeatRequestSchema, TerminalsReplySchema } from './heartbeat.js';
import {
  ProofRegisteredSchema,
  ProofRevokedSchema,
  ProofStatusSchema,
  RegisterProofRequestSchema,
  RevokeProofRequestSchema,
  VerifyProofRequestSchema,
} from './identity_proof.js';
import { KeyTableSchema, PublicKeyEntrySchema, RegisterPublicKeyRequestSchema } from './keys.js';
import {
  ApplyForLockerRequestSchema,
  FindPickupRequestSchema,
  LockerApplicationSchema,
  LockerApplicationsReplySchema,
  LockerApplicationsRequestSchema,
  PickupRecordedSchema,
  PickupRecordSchema,
  PlaceInLockerRequestSchema,
  RecordPickupRequestSchema,
} from './lockers.js';
import { IdentifiedResidentSchema, IdentifyResidentRequestSchema } from './residents.js';
import { CheckStaffPinRequestSchema, StaffMemberSchema } from './staff.js';

/**
 * Every call of the backend contract, declared once: its HTTP route, whether it changes state, its request and
 * reply schemas and the rejection codes it can answer with. The `Backend` interface (backend.ts), the embedded
 * implementation's dispatcher, the HTTP client, the reference server and the OpenAPI document are all derived
 * from this table, so they cannot drift apart.
 *
 * A `change` call always carries an `idempotencyKey` (a test checks it): sending it again with the same key
 * returns the first answer, which is what makes retries and crash recovery safe. Reads are side-effect free and
 * are retried freely. Every call is a POST with a JSON body except the parameterless reads, so no personal data
 * (a document number, a PIN) ever travels in a URL that proxies log.
 */

export interface MethodSpec {
  http: 'get' | 'post';
  path: `/v1/${string}`;
  effect: 'read' | 'change';
  area: string;
  summary: string;
  request: z.ZodType;
  reply: z.ZodType;
  rejections: readonly RejectionCode[];
}

function spec<Req extends z.ZodType, Rep extends z.ZodType>(
  s: Omit<MethodSpec, 'request' | 'reply'> & { request: Req; reply: Rep },
) {
  return s;
}

export const backendMethods = {
  catalogue: spec({
    http: 'get',
    path: '/v1/catalogue',
    effect: 'read',
    area: 'catalogue',
    summary: 'The whole service catalogue: departments, services, centres and Smart Locker points.',
    request: EmptySchema,
    reply: CatalogueSchema,
    rejections: [],
  }),
  terminalProfile: spec({
    http: 'post',
    path: '/v1/terminals/profile',
    effect: 'read',
    area: 'catalogue',
    summary: 'Where a terminal stands and which catalogue services a resident can start there.',
    request: TerminalProfileRequestSchema,
    reply: TerminalProfileSchema,
    rejections: ['not-found'],
  }),
  lockerPoints: spec({
    http: 'post',
    path: '/v1/locker-points',
    effect: 'read',
    area: 'lockers',
    summary: 'Free compartments per size at every Smart Locker point, nearest to a centre first.',
    request: LockerPointsRequestSchema,
    reply: LockerPointsReplySchema,
    rejections: ['not-found'],
  }),
  availability: spec({
    http: 'post',
    path: '/v1/availability',
    effect: 'read',
    area: 'availability',
    summary: 'Future slots with free places for a service at a centre over a range of days.',
    request: AvailabilityRequestSchema,
    reply: AvailabilityReplySchema,
    rejections: ['not-found', 'not-offered-here', 'not-bookable'],
  }),
  identifyResident: spec({
    http: 'post',
    path: '/v1/residents/identify',
    effect: 'read',
    area: 'residents',
    summary: 'A resident from a verified document (kind and number) or a Macao One Account QR token.',
    request: IdentifyResidentRequestSchema,
    reply: IdentifiedResidentSchema,
    rejections: ['not-found', 'expired'],
  }),
  createBooking: spec({
    http: 'post',
    path: '/v1/bookings/create',
    effect: 'change',
    area: 'bookings',
    summary: 'Book a place in a slot for a resident.',
    request: CreateBookingRequestSchema,
    reply: BookingSchema,
    rejections: [
      'not-found',
      'not-bookable',
      'not-offered-here',
      'slot-taken',
      'slot-in-past',
      'already-booked',
      'idempotency-conflict',
    ],
  }),
  findBooking: spec({
    http: 'post',
    path: '/v1/bookings/find',
    effect: 'read',
    area: 'bookings',
    summary: 'A booking by its reference or the QR text of its slip.',
    request: FindBookingRequestSchema,
    reply: BookingSchema,
    rejections: ['not-found'],
  }),
  residentBookings: spec({
    http: 'post',
    path: '/v1/bookings/of-resident',
    effect: 'read',
    area: 'bookings',
    summary: 'A resident’s bookings, newest slot first.',
    request: ResidentBookingsRequestSchema,
    reply: ResidentBookingsReplySchema,
    rejections: ['not-found'],
  }),
  rescheduleBooking: spec({
    http: 'post',
    path: '/v1/bookings/reschedule',
    effect: 'change',
    area: 'bookings',
    summary: 'Move a booking to another slot at the same centre.',
    request: RescheduleBookingRequestSchema,
    reply: BookingSchema,
    rejections: [
      'not-found',
      'cancelled',
      'already-checked-in',
      'slot-taken',
      'slot-in-past',
      'not-offered-here',
      'idempotency-conflict',
    ],
  }),
  cancelBooking: spec({
    http: 'post',
    path: '/v1/bookings/cancel',
    effect: 'change',
    area: 'bookings',
    summary: 'Cancel a booking and free its place.',
    request: CancelBookingRequestSchema,
    reply: BookingSchema,
    rejections: ['not-found', 'cancelled', 'already-checked-in', 'idempotency-conflict'],
  }),
  checkIn: spec({
    http: 'post',
    path: '/v1/bookings/check-in',
    effect: 'change',
    area: 'check-in',
    summary: 'Check a booking in at its centre: a queue number and the counter area.',
    request: CheckInRequestSchema,
    reply: QueueTicketSchema,
    rejections: [
      'not-found',
      'too-early',
      'too-late',
      'wrong-centre',
      'cancelled',
      'already-checked-in',
      'idempotency-conflict',
    ],
  }),
  documentsReady: spec({
    http: 'post',
    path: '/v1/collections/ready',
    effect: 'read',
    area: 'collection',
    summary: 'The documents waiting for a resident at a terminal.',
    request: DocumentsReadyRequestSchema,
    reply: DocumentsReadyReplySchema,
    rejections: ['not-found'],
  }),
  checkCollectionPin: spec({
    http: 'post',
    path: '/v1/collections/check-pin',
    effect: 'change',
    area: 'collection',
    summary: 'Check the collection PIN; wrong attempts count towards a lock-out.',
    request: CheckCollectionPinRequestSchema,
    reply: CollectionAuthorisationSchema,
    rejections: ['not-found', 'wrong-pin', 'locked', 'idempotency-conflict'],
  }),
  reserveCollection: spec({
    http: 'post',
    path: '/v1/collections/reserve',
    effect: 'change',
    area: 'collection',
    summary: 'Hold a ready document for this terminal while it is released.',
    request: ReserveCollectionRequestSchema,
    reply: CollectionReservationSchema,
    rejections: [
      'not-found',
      'not-authorised',
      'wrong-terminal',
      'reserved',
      'already-used',
      'idempotency-conflict',
    ],
  }),
  confirmCollection: spec({
    http: 'post',
    path: '/v1/collections/confirm',
    effect: 'change',
    area: 'collection',
    summary: 'The resident took the document.',
    request: ConfirmCollectionRequestSchema,
    reply: CollectionConfirmedSchema,
    rejections: ['not-found', 'wrong-terminal', 'not-reserved', 'already-used', 'idempotency-conflict'],
  }),
  reportNotCollected: spec({
    http: 'post',
    path: '/v1/collections/not-collected',
    effect: 'change',
    area: 'collection',
    summary: 'The document was not taken (retracted, jammed, door failed): it is ready again.',
    request: ReportNotCollectedRequestSchema,
    reply: CollectionReleasedSchema,
    rejections: ['not-found', 'wrong-terminal', 'not-reserved', 'already-used', 'idempotency-conflict'],
  }),
  registerProof: spec({
    http: 'post',
    path: '/v1/proofs/register',
    effect: 'change',
    area: 'identity-proof',
    summary: 'Register a printed proof of identity by its verification code and masked facts.',
    request: RegisterProofRequestSchema,
    reply: ProofRegisteredSchema,
    rejections: ['already-registered', 'idempotency-conflict'],
  }),
  verifyProof: spec({
    http: 'post',
    path: '/v1/proofs/verify',
    effect: 'read',
    area: 'identity-proof',
    summary: 'Whether a verification code names a genuine, revoked or unknown proof.',
    request: VerifyProofRequestSchema,
    reply: ProofStatusSchema,
    rejections: [],
  }),
  revokeProof: spec({
    http: 'post',
    path: '/v1/proofs/revoke',
    effect: 'change',
    area: 'identity-proof',
    summary: 'Revoke a proof of identity (staff).',
    request: RevokeProofRequestSchema,
    reply: ProofRevokedSchema,
    rejections: ['not-found', 'already-used', 'idempotency-conflict'],
  }),
  applyForLocker: spec({
    http: 'post',
    path: '/v1/lockers/apply',
    effect: 'change',
    area: 'lockers',
    summary: 'Apply for a service with pickup at a Smart Locker point.',
    request: ApplyForLockerRequestSchema,
    reply: LockerApplicationSchema,
    rejections: ['not-found', 'no-locker-pickup', 'point-full', 'idempotency-conflict'],
  }),
  lockerApplications: spec({
    http: 'post',
    path: '/v1/lockers/applications',
    effect: 'read',
    area: 'lockers',
    summary: 'A resident’s Smart Locker applications, newest first.',
    request: LockerApplicationsRequestSchema,
    reply: LockerApplicationsReplySchema,
    rejections: ['not-found'],
  }),
  findPickup: spec({
    http: 'post',
    path: '/v1/lockers/pickup',
    effect: 'read',
    area: 'lockers',
    summary: 'The pickup record of an application, by application id or by the typed digits.',
    request: FindPickupRequestSchema,
    reply: PickupRecordSchema,
    rejections: ['not-found'],
  }),
  recordPickup: spec({
    http: 'post',
    path: '/v1/lockers/pickup/record',
    effect: 'change',
    area: 'lockers',
    summary: 'The item was taken from its compartment: recorded exactly once.',
    request: RecordPickupRequestSchema,
    reply: PickupRecordedSchema,
    rejections: [
      'not-found',
      'wrong-station',
      'wrong-compartment',
      'already-used',
      'expired',
      'idempotency-conflict',
    ],
  }),
  placeInLocker: spec({
    http: 'post',
    path: '/v1/lockers/place',
    effect: 'change',
    area: 'lockers',
    summary: 'Staff put a ready item into a compartment: the pickup record is created.',
    request: PlaceInLockerRequestSchema,
    reply: PickupRecordSchema,
    rejections: ['not-found', 'wrong-station', 'already-used', 'idempotency-conflict'],
  }),
  keyTable: spec({
    http: 'get',
    path: '/v1/keys',
    effect: 'read',
    area: 'keys',
    summary: 'The Ed25519 public keys that sign proofs of identity and Smart Locker codes.',
    request: EmptySchema,
    reply: KeyTableSchema,
    rejections: [],
  }),
  registerPublicKey: spec({
    http: 'post',
    path: '/v1/keys/register',
    effect: 'change',
    area: 'keys',
    summary: 'A terminal or an issuer announces its public key (a new one replaces the old).',
    request: RegisterPublicKeyRequestSchema,
    reply: PublicKeyEntrySchema,
    rejections: ['idempotency-conflict'],
  }),
  checkStaffPin: spec({
    http: 'post',
    path: '/v1/staff/check-pin',
    effect: 'change',
    area: 'staff',
    summary: 'Check a staff member’s PIN; wrong attempts count towards a lock-out.',
    request: CheckStaffPinRequestSchema,
    reply: StaffMemberSchema,
    rejections: ['not-found', 'wrong-pin', 'locked', 'idempotency-conflict'],
  }),
  reportHeartbeat: spec({
    http: 'post',
    path: '/v1/heartbeat',
    effect: 'change',
    area: 'heartbeat',
    summary: 'A terminal reports its state.',
    request: ReportHeartbeatRequestSchema,
    reply: HeartbeatReceivedSchema,
    rejections: ['idempotency-conflict'],
  }),
  terminals: spec({
    http: 'get',
    path: '/v1/terminals',
    effect: 'read',
    area: 'heartbeat',
    summary: 'The latest reported state of every terminal.',
    request: EmptySchema,
    reply: TerminalsReplySchema,
    rejections: [],
  }),
} satisfies Record<string, MethodSpec>;

export type BackendMethods = typeof backendMethods;
export type BackendMethodName = keyof BackendMethods;
export const backendMethodNames = Object.keys(backendMethods) as BackendMethodName[];

export function isBackendMethodName(name: string): name is BackendMethodName {
  return Object.hasOwn(backendMethods, name);
}
