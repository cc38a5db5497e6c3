import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEMO_KEY_FILE,
  PiiError,
  decryptPii,
  encryptPii,
  loadKeyring,
  maskAddress,
  maskPhone,
  needsReencryption,
  reencryptPii,
  tokenKid,
  type Keyring,
} from '../../src/privacy/index.ts';

const k1 = { kid: 'k1', key: randomBytes(32) };
const k2 = { kid: 'k2.2026', key: randomBytes(32) };

function expectPii(fn: () => unknown, reason: PiiError['reason']) {
  assert.throws(fn, (e: unknown) => e instanceof PiiError && e.reason === reason);
}

describe('encryptPii / decryptPii', () => {
  test('round-trips unicode and produces a self-describing token without the plaintext', () => {
    const ring: Keyring = [k1];
    const plain = '北京市朝阳区建国路88号 13812345678';
    const t = encryptPii(ring, 'shop_a', plain);
    assert.match(t, /^v1\.k1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    assert.ok(!t.includes('13812345678'));
    assert.equal(decryptPii(ring, 'shop_a', t), plain);
  });

  test('uses a fresh IV each time', () => {
    const a = encryptPii([k1], 's', 'same');
    const b = encryptPii([k1], 's', 'same');
    assert.notEqual(a, b);
    assert.notEqual(a.split('.')[2], b.split('.')[2]);
  });

  test('a token from shop A does not decrypt for shop B', () => {
    const t = encryptPii([k1], 'shop_a', '13812345678');
    expectPii(() => decryptPii([k1], 'shop_b', t), 'AUTH_FAILED');
  });

  test('tampering with ciphertext, tag, IV or kid fails', () => {
    const t = encryptPii([k1, k2], 'shop_a', 'secret address');
    const parts = t.split('.');
    const flip = (s: string) => {
      const b = Buffer.from(s, 'base64url');
      b[0]! ^= 1;
      return b.toString('base64url');
    };
    for (const i of [2, 3, 4]) {
      const p = [...parts];
      p[i] = flip(p[i]!);
      expectPii(() => decryptPii([k1, k2], 'shop_a', p.join('.')), 'AUTH_FAILED');
    }
    // Relabelling with another known kid: the key differs and the kid is authenticated.
    expectPii(() => decryptPii([k1, k2], 'shop_a', ['v1', 'k2.2026', ...parts.slice(2)].join('.')), 'AUTH_FAILED');
  });

  test('an unknown kid and malformed tokens get clear errors', () => {
    const t = encryptPii([k2], 'shop_a', 'x');
    expectPii(() => decryptPii([k1], 'shop_a', t), 'UNKNOWN_KEY');
    for (const bad of ['', 'plain text', 'v2.k1.a.b.c', 'v1.k1.!!.b.c', `v1.k1.${'A'.repeat(16)}.${'A'.repeat(3)}.AAAA`]) {
      expectPii(() => decryptPii([k1], 'shop_a', bad), 'MALFORMED');
    }
    expectPii(() => encryptPii([], 's', 'x'), 'NO_KEY');
  });

  test('rotation: old tokens still decrypt, are flagged and re-encrypted with the new first key', () => {
    const old = encryptPii([k1], 'shop_a', '13900001111');
    const ring: Keyring = [k2, k1];
    assert.equal(tokenKid(old), 'k1');
    assert.equal(needsReencryption(ring, old), true);
    const fresh = reencryptPii(ring, 'shop_a', old);
    assert.equal(tokenKid(fresh), 'k2.2026');
    assert.equal(needsReencryption(ring, fresh), false);
    assert.equal(reencryptPii(ring, 'shop_a', fresh), fresh);
    assert.equal(decryptPii([k2], 'shop_a', fresh), '13900001111');
  });
});

describe('loadKeyring', () => {
  test('configured keys win, in order', () => {
    const ring = loadKeyring({ piiKeys: [k2, k1], dataDir: '/nonexistent', production: true });
    assert.deepEqual(
      ring.map((k) => k.kid),
      ['k2.2026', 'k1'],
    );
    assert.ok(Object.isFrozen(ring));
  });

  test('bad configured keys are refused', () => {
    expectPii(() => loadKeyring({ piiKeys: [{ kid: 'short', key: randomBytes(16) }], dataDir: '/x', production: false }), 'MALFORMED');
  });

  test('production without keys is refused', () => {
    expectPii(() => loadKeyring({ piiKeys: undefined, dataDir: '/x', production: true }), 'NO_KEY');
  });

  test('demo key is generated once (0600) and reused on restart', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kefu-pii-'));
    try {
      const dataDir = join(dir, 'nested', 'data');
      const a = loadKeyring({ piiKeys: undefined, dataDir, production: false });
      const file = join(dataDir, DEMO_KEY_FILE);
      assert.equal(statSync(file).mode & 0o777, 0o600);
      const b = loadKeyring({ piiKeys: [], dataDir, production: false });
      assert.equal(a.length, 1);
      assert.equal(a[0]!.key.length, 32);
      assert.deepEqual(b[0]!.key, a[0]!.key);
      const t = encryptPii(a, 's', 'survives restart');
      assert.equal(decryptPii(b, 's', t), 'survives restart');
      assert.match(readFileSync(file, 'utf8'), /^demo:[A-Za-z0-9+/=]+\n$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a corrupt demo key file is an error, not a silent new key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kefu-pii-'));
    try {
      writeFileSync(join(dir, DEMO_KEY_FILE), 'demo:not-32-bytes\n');
      expectPii(() => loadKeyring({ piiKeys: undefined, dataDir: dir, production: false }), 'MALFORMED');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('masking', () => {
  test('maskPhone', () => {
    assert.equal(maskPhone('13812345678'), '138****5678');
    assert.equal(maskPhone('+86 138-1234-5678'), '138****5678');
    assert.equal(maskPhone('010-62345678'), '010****5678');
    assert.equal(maskPhone('12345'), '****5');
    assert.equal(maskPhone('12'), '**');
    // Short numbers never come out whole or nearly so: at least four digits hidden.
    assert.equal(maskPhone('1234567'), '****567');
    assert.equal(maskPhone('12345678'), '****5678');
    assert.equal(maskPhone('+86 7654321'), '****321');
    assert.equal(maskPhone('+86 12345'), '****5');
    // Digits only: a parenthesis or a + is not one of the first three.
    // Another country's code is no carrier prefix: the last 4 only (twenty-second session).
    assert.equal(maskPhone('+1 (555) 010-9999'), '*******9999');
    assert.equal(maskPhone('+60 12-345 6789'), '*******6789');
    assert.equal(maskPhone('(+60) 12-345 6789'), '*******6789');
    assert.equal(maskPhone('0060 12-345 6789'), '*******6789');
    assert.equal(maskPhone('(0755) 8888-1234'), '075*****1234');
    assert.equal(maskPhone('8613812345678'), '138****5678');
    assert.ok(!maskPhone('13812345678').includes('1234'));
  });

  test('maskAddress keeps province and city only', () => {
    assert.equal(maskAddress('广东省深圳市南山区粤海街道高新南一道9号'), '广东省深圳市****');
    assert.equal(maskAddress('北京市朝阳区建国路88号SOHO现代城2号楼1801室'), '北京市****');
    assert.equal(maskAddress('新疆维吾尔自治区乌鲁木齐市天山区解放北路1号'), '新疆维吾尔自治区乌鲁木齐市****');
    assert.equal(maskAddress('吉林省延边朝鲜族自治州延吉市人民路5号'), '吉林省延边朝鲜族自治州****');
    // A street name containing 省 must not make the whole prefix look like a province.
    assert.equal(maskAddress('上海市浦东新区省庄路1号'), '上海市****');
    // Street first, comma-separated: the street masked, the town, state and postcode kept (twenty-second session).
    assert.equal(maskAddress('12 Main Street, Springfield'), '****, Springfield');
    assert.equal(maskAddress('Unit 3, 12 Jalan Ampang, 50450 Kuala Lumpur, Wilayah Persekutuan'), '****, 50450 Kuala Lumpur, Wilayah Persekutuan');
    assert.equal(maskAddress('12 Main Street'), '****');
    // Never a street, a unit or a house number (found in review).
    for (const a of ['Flat 3, 10 Downing Street, London SW1A 2AA', 'Apt 4B, 123 Main Street, Springfield IL 62704', 'No. 12, Jalan SS2/24, 47300 Petaling Jaya', 'B-12-3, Residensi Vista, Jalan Klang Lama, 58000 Kuala Lumpur']) {
      assert.doesNotMatch(maskAddress(a), /Street|Jalan|Residensi|\b1[02]\b|4B|B-12/, a);
    }
    assert.equal(maskAddress('Flat 3, 10 Downing Street, London SW1A 2AA'), '****, London SW1A 2AA');
    assert.equal(maskAddress('Unit 3, 12 Jalan Ampang'), '****');
    // A postcode before a town and a saint's town are no street (found in review).
    assert.equal(maskAddress('Keizersgracht 123, 1015 CJ Amsterdam'), '****, 1015 CJ Amsterdam');
    assert.equal(maskAddress('500 Market St, St. Louis, MO 63101'), '****, St. Louis, MO 63101');
    assert.equal(maskAddress('Via Roma 5, Interno 3, 00184 Roma'), '****, 00184 Roma');
    assert.equal(maskAddress('John Smith, 12 Main Street, Apt 5'), '****');
    // A Singapore postcode names one building: only its postal sector, a district's worth (twenty-third session).
    assert.equal(maskAddress('Blk 123 Ang Mo Kio Ave 3, #05-67, Singapore 560123'), '****, Singapore 56****');
    assert.equal(maskAddress('Blk 268C Compassvale Street, #12-415, S543268'), '****, Singapore 54****');
    // However the postcode is written, only its sector, and nothing beside it (found in review).
    for (const a of ['Blk 123 Ang Mo Kio Ave 3, #05-67, Singapore, 560123', 'Blk 123, #05-67, 560123 Singapore', 'Blk 1, #05-67, SINGAPORE (560123)', 'Blk 1, #05-67, S(560123)']) assert.equal(maskAddress(a), '****, Singapore 56****', a);
    assert.equal(maskAddress('10 Anson Road, #10-11, International Plaza, 079903 Singapore'), '****, Singapore 07****');
    // The postcode beside the word, never a phone number; "Singapore Plaza" in Mumbai is no Singapore postcode (found in review).
    assert.equal(maskAddress('Blk 88, #02-11, Tel 612345 / Singapore 310088'), '****, Singapore 31****');
    assert.doesNotMatch(maskAddress('12 Singapore Plaza, Andheri, Mumbai 400053'), /Singapore 40/);
    assert.equal(maskAddress('广东省'), '广东省');
  });
});
