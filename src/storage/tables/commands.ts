/** Tables of migration 008: commands, their idempotency keys, and the demo platform's state. */
import type { ColumnType } from 'kysely';
import type { Timestamp } from './conversation.ts';
import type { CommandStatus } from '../../protocol/frames.ts';

/** jsonb: read back parsed; written as a JSON string (or an SQL expression). */
type Json<T> = ColumnType<T, string, string>;
type Decimal = ColumnType<string | null, string | null | undefined, string | null>;

export interface CommandsTable {
  id: string;
  shop_id: string;
  type: string;
  payload: Json<Record<string, unknown>>;
  conversation_id: string | null;
  parent_id: string | null;
  status: CommandStatus;
  attempts: ColumnType<number, number | undefined, number>;
  round_attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: Timestamp;
  lease_owner: string | null;
  lease_token: string | null;
  lease_until: Date | null;
  result: ColumnType<unknown, string | null, string | null>;
  error: ColumnType<unknown, string | null, string | null>;
  history: Json<unknown[]>;
  created_by: string;
  trace_id: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CommandIdempotencyKeysTable {
  shop_id: string;
  key: string;
  fingerprint: string;
  command_id: string;
  response_status: number;
  response_body: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface DemoPlatformRequestsTable {
  shop_id: string;
  key: string;
  fingerprint: string;
  response_status: number | null;
  response_body: string | null;
  created_at: Timestamp;
}

export interface DemoPlatformSkusTable {
  shop_id: string;
  sku: string;
  price: Decimal;
  available: ColumnType<number, number | undefined, number>;
  locked: ColumnType<number, number | undefined, number>;
  updated_at: Timestamp;
}

export interface DemoPlatformCouponsTable {
  id: string;
  shop_id: string;
  user_id: string;
  template_id: string | null;
  amount: Decimal;
  command_id: string;
  created_at: Timestamp;
}

export interface DemoPlatformLocksTable {
  id: string;
  shop_id: string;
  sku: string;
  quantity: number;
  order_id: string | null;
  created_at: Timestamp;
  released_at: Date | null;
}

export interface DemoPlatformFaultsTable {
  shop_id: string;
  mode: 'fail' | 'reject' | 'hang';
  status: number | null;
  remaining: number;
  hang_ms: ColumnType<number, number | undefined, number>;
  apply_first: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface CommandTables {
  commands: CommandsTable;
  command_idempotency_keys: CommandIdempotencyKeysTable;
  demo_platform_requests: DemoPlatformRequestsTable;
  demo_platform_skus: DemoPlatformSkusTable;
  demo_platform_coupons: DemoPlatformCouponsTable;
  demo_platform_locks: DemoPlatformLocksTable;
  demo_platform_faults: DemoPlatformFaultsTable;
}
