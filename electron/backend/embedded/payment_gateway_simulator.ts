import type Database from 'better-sqlite3';

/**
 * The embedded backend's payment gateway: a simulator that answers by the wallet payment code, the way card
 * networks publish test card numbers, so that the Dev dock and the end-to-end tests choose an outcome by scanning
 * a code. Sample codes only: a real gateway is behind the HTTP backend.
 *
 * | code ends in | answer |
 * | --- | --- |
 * | `51` | declined |
 * | `52` | insufficient funds |
 * | `53` | charged, but the first answer is lost: the kiosk sees a timeout; asking again with the same key returns the payment (charged once) |
 * | `54` | approved, but every refund of the payment is refused (the case that becomes a staff alert) |
 * | anything else | approved |
 *
 * A request sent twice under the same idempotency key gets the first answer (the embedded backend's idempotency
 * store); the same key with another basket is refused as a conflict.
 */

export type GatewayScenario =
  | 'approve'
  | 'decline'
  | 'insufficient-funds'
  | 'timeout-once'
  | 'refuses-refunds';

export function gatewayScenario(walletCode: string): GatewayScenario {
  switch (walletCode.slice(-2)) {
    case '51':
      return 'decline';
    case '52':
      return 'insufficient-funds';
    case '53':
      return 'timeout-once';
    case '54':
      return 'refuses-refunds';
    default:
      return 'approve';
  }
}

/** Which wallet a code belongs to, for the receipt: Simple Pay's unified codes unless MPay's prefix. */
export function walletOf(walletCode: string): string {
  return walletCode.startsWith('88') ? 'MPay' : 'Simple Pay';
}

/** The codes the Dev dock offers and the tests scan (sample data). */
export const sampleWalletCodes = {
  approve: '880012345678901234',
  decline: '620012345678901251',
  insufficientFunds: '620012345678901252',
  timeoutOnce: '880012345678901253',
  refusesRefunds: '620012345678901254',
} as const;

/** How long the simulated gateway "waited" before the kiosk gave up, as reported in the timeout. */
export const simulatedTimeoutMs = 15_000;

/**
 * Whether this charge's answer is lost on the way back: true once per key for a `timeout-once` code, after the
 * charge was made and kept (the case that makes the journal and the same-key retry necessary).
 */
export function answerLost(db: Database.Database, chargeKey: string, walletCode: string): boolean {
  if (gatewayScenario(walletCode) !== 'timeout-once') return false;
  const inserted = db
    .prepare('INSERT OR IGNORE INTO payment_lost_answers (charge_key) VALUES (?)')
    .run(chargeKey).changes;
  return inserted === 1;
}
