/**
 * Command ids: `cmd_` and a ULID (48 bits of milliseconds, 80 random bits, Crockford base32), so
 * ids sort by creation time and cannot be guessed. The id is also the Idempotency-Key kefu sends
 * the platform on every attempt of that command.
 */
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function encodeTime(ms: number): string {
  let out = '';
  for (let i = 0; i < 10; i++) {
    out = ALPHABET[ms % 32]! + out;
    ms = Math.floor(ms / 32);
  }
  return out;
}

function encodeRandom(): string {
  const bytes = randomBytes(10);
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let out = '';
  for (let i = 0; i < 16; i++) {
    out = ALPHABET[Number(bits & 31n)]! + out;
    bits >>= 5n;
  }
  return out;
}

export const newCommandId = (now = Date.now()): string => `cmd_${encodeTime(now)}${encodeRandom()}`;
