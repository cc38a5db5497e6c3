/**
 * Encryption of buyers' personal data (receiver name, phone, address) at rest.
 *
 * A token is self-describing: `v1.<kid>.<iv>.<tag>.<ciphertext>` (base64url parts), AES-256-GCM
 * with a random 12-byte IV. The shop id is bound as additional authenticated data, so a token
 * copied into another shop's row does not decrypt. The keyring's first key encrypts; every key
 * decrypts, which lets `kefu rotate-keys` re-encrypt old rows while both keys are configured.
 */
import { createCipheriv, createDecipheriv, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { PiiKey } from '../config/schema.ts';

export type { PiiKey };

/** Non-empty; the first key encrypts. */
export type Keyring = readonly PiiKey[];

export type PiiErrorReason = 'MALFORMED' | 'UNKNOWN_KEY' | 'AUTH_FAILED' | 'NO_KEY';

/** Decryption or keyring failure. Never carries plaintext or key material in its message. */
export class PiiError extends Error {
  readonly reason: PiiErrorReason;
  constructor(reason: PiiErrorReason, message: string) {
    super(message);
    this.name = 'PiiError';
    this.reason = reason;
  }
}

const VERSION = 'v1';
// Same alphabet as KEFU_PII_KEYS. A kid may contain '.', so tokens are parsed from both ends.
const KID_RE = /^[A-Za-z0-9_.-]{1,32}$/;

function aad(kid: string, shopId: string): Buffer {
  // The version and kid are authenticated too, so a token cannot be relabelled.
  return Buffer.from(`${VERSION}\u0000${kid}\u0000${shopId}`, 'utf8');
}

// A KeyObject per key, made once: given raw bytes, every cipher would import the key again
// (a measurable part of decrypting the robot's order cards).
const keyObjects = new WeakMap<PiiKey, KeyObject>();
function keyObject(k: PiiKey): KeyObject {
  let o = keyObjects.get(k);
  if (!o) keyObjects.set(k, (o = createSecretKey(k.key)));
  return o;
}

function currentKey(keyring: Keyring): PiiKey {
  const k = keyring[0];
  if (!k) throw new PiiError('NO_KEY', 'the PII keyring is empty');
  return k;
}

export function encryptPii(keyring: Keyring, shopId: string, plaintext: string): string {
  const k = currentKey(keyring);
  const kid = k.kid;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyObject(k), iv);
  cipher.setAAD(aad(kid, shopId));
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, kid, iv.toString('base64url'), tag.toString('base64url'), ct.toString('base64url')].join('.');
}

interface ParsedToken {
  kid: string;
  iv: Buffer;
  tag: Buffer;
  ct: Buffer;
}

function parseToken(token: string): ParsedToken {
  const parts = token.split('.');
  if (parts.length < 5 || parts[0] !== VERSION) throw new PiiError('MALFORMED', 'not a v1 PII token');
  const kid = parts.slice(1, -3).join('.');
  const [iv, tag, ct] = parts.slice(-3) as [string, string, string];
  if (!KID_RE.test(kid)) throw new PiiError('MALFORMED', 'PII token has an invalid key id');
  const b64 = /^[A-Za-z0-9_-]*$/;
  if (!b64.test(iv) || !b64.test(tag) || !b64.test(ct)) throw new PiiError('MALFORMED', 'PII token is not base64url');
  const parsed = { kid, iv: Buffer.from(iv, 'base64url'), tag: Buffer.from(tag, 'base64url'), ct: Buffer.from(ct, 'base64url') };
  if (parsed.iv.length !== 12 || parsed.tag.length !== 16) throw new PiiError('MALFORMED', 'PII token has a bad IV or tag length');
  return parsed;
}

export function decryptPii(keyring: Keyring, shopId: string, token: string): string {
  const t = parseToken(token);
  const entry = keyring.find((k) => k.kid === t.kid);
  if (!entry) throw new PiiError('UNKNOWN_KEY', `PII token was encrypted with key "${t.kid}", which is not in the keyring`);
  const decipher = createDecipheriv('aes-256-gcm', keyObject(entry), t.iv);
  decipher.setAAD(aad(t.kid, shopId));
  decipher.setAuthTag(t.tag);
  try {
    return Buffer.concat([decipher.update(t.ct), decipher.final()]).toString('utf8');
  } catch {
    throw new PiiError('AUTH_FAILED', 'PII token failed authentication (tampered, or it belongs to another shop)');
  }
}

/** The key id a token was encrypted with. */
export function tokenKid(token: string): string {
  return parseToken(token).kid;
}

/** True when the token was not encrypted with the current (first) key: rotation should rewrite it. */
export function needsReencryption(keyring: Keyring, token: string): boolean {
  return tokenKid(token) !== currentKey(keyring).kid;
}

/** Decrypts with any key of the ring and encrypts with the current one; unchanged when already current. */
export function reencryptPii(keyring: Keyring, shopId: string, token: string): string {
  if (!needsReencryption(keyring, token)) return token;
  return encryptPii(keyring, shopId, decryptPii(keyring, shopId, token));
}

export const DEMO_KEY_FILE = 'demo-pii-keys';

function parseKeyFile(text: string, path: string): PiiKey[] {
  const keys = text
    .split(/[\n,]/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => {
      const at = line.indexOf(':');
      const kid = line.slice(0, at);
      const key = Buffer.from(line.slice(at + 1), 'base64');
      if (at <= 0 || !KID_RE.test(kid) || key.length !== 32) throw new PiiError('MALFORMED', `${path} must hold lines kid:base64key with 32-byte keys`);
      return { kid, key };
    });
  if (keys.length === 0) throw new PiiError('NO_KEY', `${path} holds no key`);
  return keys;
}

const freezeRing = (keys: PiiKey[]): Keyring => Object.freeze(keys.map((k) => Object.freeze(k)));

/**
 * The configured keyring, or outside production a demo key generated once into
 * `<dataDir>/demo-pii-keys` (mode 0600) and reused on every restart, so rows encrypted by an
 * earlier run stay readable. Several processes starting together agree on one key: the file is
 * created atomically and the loser reads the winner's key.
 */
export function loadKeyring(opts: { piiKeys: readonly PiiKey[] | undefined; dataDir: string; production: boolean }): Keyring {
  if (opts.piiKeys && opts.piiKeys.length > 0) {
    for (const k of opts.piiKeys) {
      if (!KID_RE.test(k.kid)) throw new PiiError('MALFORMED', `PII key id "${k.kid}" may only contain letters, digits, _ . - (at most 32)`);
      if (k.key.length !== 32) throw new PiiError('MALFORMED', `PII key "${k.kid}" must be 32 bytes`);
    }
    return freezeRing(opts.piiKeys.map((k) => ({ kid: k.kid, key: Buffer.from(k.key) })));
  }
  if (opts.production) throw new PiiError('NO_KEY', 'KEFU_PII_KEYS is required in production (no generated demo key)');
  mkdirSync(opts.dataDir, { recursive: true });
  const path = join(opts.dataDir, DEMO_KEY_FILE);
  if (existsSync(path)) return freezeRing(parseKeyFile(readFileSync(path, 'utf8'), path));
  // Written to a private temp file and hard-linked into place: the link is atomic and fails
  // when the file exists, so a concurrent reader never sees a half-written key.
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(tmp, `demo:${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(tmp, path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    unlinkSync(tmp);
  }
  return freezeRing(parseKeyFile(readFileSync(path, 'utf8'), path));
}

/** Digits a masked phone must hide at the least, whatever its length. */
const PHONE_HIDDEN_MIN = 4;

/**
 * A phone for display, by its digits only (spaces, dashes, parentheses and `+` go). A leading
 * `+86`, or `86` before an 11-digit mobile, is dropped: it would take the place of the carrier prefix an agent
 * recognises. Eleven digits or more keep their first 3 and last 4 (`138****5678`,
 * `010****5678`); a shorter number keeps only its last digits, at most 4 and never more than it
 * hides (`1234567` → `****567`, `12345678` → `****5678`): a 7-digit landline must not come out
 * whole. Every star is one hidden digit, at least {@link PHONE_HIDDEN_MIN}.
 */
export function maskPhone(phone: string): string {
  // Another country's code ("+1 201…", "+60 12…") is no carrier prefix an agent knows: its last 4 only
  // (found from outside: "+1 201 555 0188" showed as "120****0188").
  const foreign = /^\s*\(?\s*(?:\+|00)\s*(?!86)[1-9]/.test(phone) ? phone.replace(/\D/g, '').replace(/^00/, '') : undefined;
  if (foreign !== undefined && foreign.length >= 2 * PHONE_HIDDEN_MIN) return `${'*'.repeat(foreign.length - 4)}${foreign.slice(-4)}`;
  const local = phone.trim().replace(/^\+\s*86/, '').replace(/\D/g, '').replace(/^86(?=1\d{10}$)/, '');
  if (local.length >= 11) return `${local.slice(0, 3)}${'*'.repeat(local.length - 7)}${local.slice(-4)}`;
  const shown = local.length >= 2 * PHONE_HIDDEN_MIN ? 4 : Math.max(0, Math.min(4, local.length - PHONE_HIDDEN_MIN));
  return `${'*'.repeat(local.length - shown)}${local.slice(local.length - shown)}`;
}

const PROVINCE = /^[\u4e00-\u9fff]{2,7}?(?:省|自治区|特别行政区)/u;
const MUNICIPALITY = /^(?:北京|上海|天津|重庆)市/u;
const CITY = /^[\u4e00-\u9fff]{2,8}?(?:市|自治州|地区|盟)/u;

/**
 * An address written the Latin way, street first and comma-separated ("12 Jalan Ampang, 50450 Kuala
 * Lumpur"): its last parts after the first, at most two (postcode, town, state), with the street
 * masked (found from outside: a Malaysian and a US address were masked whole). Undefined for another shape.
 */
function latinAddress(address: string): string | undefined {
  if (/[\u4e00-\u9fff]/u.test(address)) return undefined;
  const parts = address.split(/[,，]/).map((p) => p.trim()).filter(Boolean);
  if (parts.length < 2) return undefined;
  // From the end, the parts that hold no house number, unit or street; the first such part stops it
  // (found in review: "Flat 3, 10 Downing Street, London SW1A 2AA" showed the street).
  const kept: string[] = [];
  // A Singapore postcode names one building; its first two digits, the postal sector, name a district
  // (found from outside: agents saw nothing). Only the sector, however it is written ("Singapore,
  // 560123", "079903 Singapore", "S(560123)"), and nothing beside it, a building's name included (found in review).
  const sector = singaporeSector(address);
  if (sector !== undefined) return sector ? `****, Singapore ${sector}****` : '****';
  for (let i = parts.length - 1; i >= 1 && kept.length < 2 && !STREETISH.test(parts[i]!); i--) kept.unshift(parts[i]!);
  return kept.length ? `****, ${kept.join(', ')}` : '****';
}
const SINGAPORE = /(?<![a-z])singapore(?![a-z])|(?<![a-z0-9])s\s*\(?\s*\d{6}(?!\d)/i;
/** A Singapore address's postal sector ("56"), '' when it names none, undefined for another country's. */
function singaporeSector(address: string): string | undefined {
  if (!SINGAPORE.test(address)) return undefined;
  // The postcode beside the word, not any six digits ("Tel 612345"); none beside it, nothing shown (found in review).
  for (const shape of [/singapore\W{0,3}(\d{2})\d{4}(?!\d)/i, /(?<![a-z0-9])s\s*\(?\s*(\d{2})\d{4}(?!\d)/i, /(?<!\d)(\d{2})\d{4}\s{0,2}singapore/i]) {
    const code = shape.exec(address);
    if (code) return code[1]!;
  }
  return '';
}
/**
 * A part of an address that places a door: a number alone or a unit code ("23", "B-12-3", "No. 12",
 * "#05-67"), a street or a building. A postcode before a town ("1015 CJ Amsterdam", "50450 Kuala
 * Lumpur") is not, and "St" opening a part is a saint ("St Kilda"), closing one a street. A Singapore
 * postcode ("Singapore 560123") names one building, so it counts as a door.
 */
const STREETISH =
  /^(?:no\.?\s*)?[a-z]?-?\d{1,4}[a-z]?(?:-\d+)*$|\b(?:unit|flat|room|rm|apt|apartment|suite|floor|block|blk|lot|level|interno|street|road|lane|avenue|ave|drive|boulevard|blvd|way|close|court|place|crescent|terrace|highway|hwy|jalan|jln|lorong|lrg|persiaran|taman|residensi|condo|house|building|bldg|tower|menara|po box|via|rua|strasse|straße|gracht)\b|\S\s+(?:st|rd|dr|ln|ct|pl)\.?$|\b(?:singapore|s)\s?\d{6}\b|#\s*\d/i;

/**
 * Keeps the province and city of a Chinese address and masks the rest:
 * `广东省深圳市南山区科技园路1号` → `广东省深圳市****`; one written street first keeps what `latinAddress`
 * keeps. An address in another shape is masked whole, since nothing in it is known to be coarse enough to show.
 */
export function maskAddress(address: string): string {
  const latin = latinAddress(address);
  if (latin !== undefined) return latin;
  const s = address.trim().replace(/\s+/g, '');
  let kept = '';
  const muni = MUNICIPALITY.exec(s);
  if (muni) kept = muni[0];
  else {
    const prov = PROVINCE.exec(s);
    if (prov) kept = prov[0];
    const city = CITY.exec(s.slice(kept.length));
    if (city) kept += city[0];
  }
  return kept.length < s.length ? `${kept}****` : kept;
}
