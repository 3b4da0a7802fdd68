/**
 * Heartbeat reports waiting for the backend (electron/heartbeat/heartbeat_queue.ts): written before each send,
 * deleted once the backend has them, sent in `id` order. Each report carries ids, states and counters, never
 * personal data; the queue is bounded by `heartbeat.queueLimit`.
 */
import type { Migration } from './migrations.js';

export const heartbeatQueueMigration: Migration = {
  id: 132,
  name: 'heartbeat-queue',
  up(db) {
    db.exec(`
      CREATE TABLE heartbeat_queue (
        id INTEGER PRIMARY KEY,
        idempotency_key TEXT NOT NULL UNIQUE,
        report TEXT NOT NULL,
        queued_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
