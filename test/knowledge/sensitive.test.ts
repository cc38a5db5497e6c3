import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEFAULT_GLOBAL_WORDS,
  checkAgentImage,
  checkAgentMessage,
  compileFilter,
  withShopContacts,
  detectOffPlatformContact,
  maskBuyerMessage,
  normalizeForMatch,
  type SensitiveFilter,
  type SensitiveHit,
} from '../../src/knowledge/index.ts';

const spans = (text: string, hits: readonly SensitiveHit[]) => hits.map((h) => [h.word, text.slice(h.start, h.end)]);

describe('normalizeForMatch', () => {
  test('case, full-width, accents, ligatures, circled digits fold; separators vanish', () => {
    assert.equal(normalizeForMatch('ＷｅＩｘＩｎ'), 'weixin');
    assert.equal(normalizeForMatch('V x'), 'vx');
    assert.equal(normalizeForMatch('微\u200b*信'), '微信');
    assert.equal(normalizeForMatch('CAFÉ'), 'cafe');
    assert.equal(normalizeForMatch('ﬁne'), 'fine');
    assert.equal(normalizeForMatch('①①⓪'), '110');
    assert.equal(normalizeForMatch('*** ---'), '');
  });
});

describe('compileFilter / find', () => {
  const f = compileFilter(['微信', 'WeiXin', 'vx', '刷单', 'ass', '110', '𠀀字']);

  findTests(f);
  boundaryTests(f);
});

function findTests(f: SensitiveFilter): void {
  test('inserted symbols, spaces and zero-width characters are skipped', () => {
    for (const [text, matched] of [
      ['加微*信聊', '微*信'],
      ['加微 信聊', '微 信'],
      ['加微\u200b信聊', '微\u200b信'],
      ['加微\u200d\ufe0f信', '微\u200d\ufe0f信'],
      ['微-_-信', '微-_-信'],
      ['v x 号', 'v x'],
      ['V.X', 'V.X'],
    ] as const) {
      assert.deepEqual(spans(text, f.find(text)), [[text.includes('v') || text.includes('V') ? 'vx' : '微信', matched]], text);
    }
  });

  test('full-width and case-folded text matches and reports the configured spelling', () => {
    const text = '我的ｗｅｉＸＩＮ是';
    assert.deepEqual(spans(text, f.find(text)), [['WeiXin', 'ｗｅｉＸＩＮ']]);
    assert.deepEqual(spans('WEIXIN', f.find('WEIXIN')), [['WeiXin', 'WEIXIN']]);
  });

  test('positions are UTF-16 offsets of the original, astral characters included', () => {
    const text = 'a😀𠀀*字b';
    const [hit] = f.find(text);
    assert.deepEqual(hit, { word: '𠀀字', start: 3, end: 7 });
  });

  test('innocent text containing parts of words does not match', () => {
    for (const text of ['微博信息', '刷新单据', '微 博 信', 'class assistant', 'nav x-ray', 'bypass', '1101', '刷 卡单']) {
      assert.deepEqual(f.find(text), [], text);
    }
  });
}

function boundaryTests(f: SensitiveFilter): void {
  test('separators inside digit words are skipped like any other', () => {
    assert.deepEqual(spans('打1 1 0', f.find('打1 1 0')), [['110', '1 1 0']]);
  });

  test('Latin and digit words need a boundary only against their own kind', () => {
    assert.deepEqual(spans('my ass!', f.find('my ass!')), [['ass', 'ass']]);
    assert.deepEqual(spans('加vx聊', f.find('加vx聊')), [['vx', 'vx']]);
    assert.deepEqual(spans('vx123', f.find('vx123')), [['vx', 'vx']]);
    assert.deepEqual(spans('打110报警', f.find('打110报警')), [['110', '110']]);
    assert.deepEqual(spans('call110now', f.find('call110now')), [['110', '110']]);
    assert.deepEqual(f.find('nav x'), []);
  });

  test('overlapping words: find reports leftmost-longest, mask covers all of them', () => {
    const g = compileFilter(['甲乙', '乙丙丁', '甲乙丙']);
    assert.deepEqual(spans('x甲乙丙丁x', g.find('x甲乙丙丁x')), [['甲乙丙', '甲乙丙']]);
    assert.equal(g.mask('x甲乙丙丁x').text, 'x****x');
  });

  test('words that fold alike compile once; symbol-only words are ignored', () => {
    assert.equal(compileFilter(['VX', 'v x', 'vx', 'Ｖｘ']).size, 1);
    assert.equal(compileFilter(['***', '...', '微信']).size, 1);
    const empty = compileFilter([]);
    assert.equal(empty.size, 0);
    assert.deepEqual(empty.find('微信'), []);
    assert.deepEqual(empty.mask('微信'), { text: '微信', hits: [] });
  });
}

describe('built-in global list', () => {
  const f = compileFilter(DEFAULT_GLOBAL_WORDS);

  test('every default word is distinct after normalisation and matches itself', () => {
    assert.equal(f.size, DEFAULT_GLOBAL_WORDS.length);
    for (const w of DEFAULT_GLOBAL_WORDS) assert.deepEqual(f.find(` ${w} `).map((h) => h.word), [w], w);
  });

  // An Australian shop (forty-fifth session): "youse are a pack of fuckwits" was stored unmasked.
  test('abuse in British and Australian words is masked; a hole in glass and Scunthorpe are not', () => {
    assert.equal(f.mask('youse are a pack of fuckwits').text, 'youse are a pack of ********');
    for (const t of ['what a wanker', 'absolute dickheads', 'fuck off mate']) assert.notEqual(f.find(t).length, 0, t);
    for (const t of ['do you sell a glass hole cutter', 'delivery to Scunthorpe', 'the bass hole saw']) assert.deepEqual(f.find(t), [], t);
  });

  test('ordinary shop talk is not flagged', () => {
    for (const text of [
      '可以开发票吗？电子发票会发到您的邮箱',
      '这款假发很自然，发票随货寄出',
      '大麻籽油富含不饱和脂肪酸',
      '儿童玩具水枪，安全无毒',
      '支持七天无理由退货，退款原路返回',
      '我妈妈的快递到哪了，去死皮霜什么时候发货',
      '这是送给他妈的生日礼物，草泥马公仔什么时候发货',
      'We ship firearms accessories? No, only phone cases. Casino-themed stickers are in stock.',
    ]) {
      assert.deepEqual(f.find(text), [], text);
    }
  });
});

describe('mask', () => {
  const f = compileFilter(['微信', 'vx']);

  test('masks exactly the original characters, inserted symbols included, one * per code point', () => {
    assert.equal(f.mask('请加微*信哦').text, '请加***哦');
    assert.equal(f.mask('请加微 信哦').text, '请加***哦');
    assert.equal(f.mask('微😀信').text, '***');
    assert.equal(f.mask('ＷＸ ｖ ｘ!').text, 'ＷＸ ***!');
    assert.equal(f.mask('微信微信').text, '****');
    assert.equal(f.mask('微信 微信').text, '** **', 'the space between two hits is not part of either');
    assert.equal(f.mask('nothing here').text, 'nothing here');
  });

  test('text around the hits is untouched', () => {
    const text = 'Hello 你好, add my 微\u200b信 please, or v-x.';
    const r = f.mask(text);
    assert.equal(r.text, 'Hello 你好, add my *** please, or ***.');
    assert.equal(r.hits.length, 2);
  });
});

const kinds = (text: string) => detectOffPlatformContact(text).map((m) => [m.kind, m.text]);

describe('detectOffPlatformContact', () => {
  contactNumberTests();
  contactAppTests();
});

function contactNumberTests(): void {
  test('CN mobile numbers, plain, spaced, dashed, +86, full-width, zero-width split', () => {
    assert.deepEqual(kinds('电话13812345678'), [['phone', '13812345678']]);
    assert.deepEqual(kinds('请拨打 138 1234 5678 谢谢'), [['phone', '138 1234 5678']]);
    assert.deepEqual(kinds('138-1234-5678'), [['phone', '138-1234-5678']]);
    assert.deepEqual(kinds('+86 138 1234 5678'), [['phone', '+86 138 1234 5678']]);
    assert.deepEqual(kinds('手机１３８１２３４５６７８'), [['phone', '１３８１２３４５６７８']]);
    assert.deepEqual(kinds('138\u200b1234\u200b5678'), [['phone', '138\u200b1234\u200b5678']]);
  });

  // Found from outside: "座机 010-12345678" and "热线 400-800-8888" reached the buyer.
  test('CN landlines with their area code and 400/800 service lines, as people write them', () => {
    assert.deepEqual(kinds('座机 010-12345678'), [['phone', '010-12345678']]);
    assert.deepEqual(kinds('打 (0755) 8888-1234 找我'), [['phone', '(0755) 8888-1234']]);
    assert.deepEqual(kinds('0755 88881234'), [['phone', '0755 88881234']]);
    assert.deepEqual(kinds('热线 400-800-8888'), [['phone', '400-800-8888']]);
    assert.deepEqual(kinds('拨打 800 810 1234'), [['phone', '800 810 1234']]);
  });

  // Found from outside (twenty-second session): a Malaysian and a US shop's agents sent these to the buyer.
  test('numbers of other countries: with a country code, after a word for calling, a Malaysian mobile with separators', () => {
    // Each text holds one phone: the part that is refused.
    for (const [text, phone] of [
      ['+60 12-345 6789', '+60 12-345 6789'],
      ['call me at 012-3456789', '012-3456789'],
      ['call me at 0123456789 ok', '0123456789'],
      ['whatsapp 6012 345 6789', '6012 345 6789'],
      ['text me on (201) 555-0188', '(201) 555-0188'],
      ['my number is +1 201 555 0188', '+1 201 555 0188'],
      ['我的号码是 012-345 6789', '012-345 6789'],
      ['my number is 012-345 6789', '012-345 6789'],
      ['you can reach me at 012-345 6789', '012-345 6789'],
      ['my hp 012-345 6789', '012-345 6789'],
      ['ok 012–3456789 ya', '012–3456789'],
      ['手机号码 0123456789', '0123456789'],
      ['我的号码 0123456789', '0123456789'],
      // Found from outside (forty-fourth session): an adverb after "call me", a North American number in its groups, a hotline in
      // Singapore, a Taiwan mobile and landline.
      ['Hi Tom, Marie here. Call me directly at 416-555-0100 if easier.', '416-555-0100'],
      ['please ring 416-555-0100', '416-555-0100'],
      ['(416) 555-0100', '(416) 555-0100'],
      ['1-416-555-0100', '1-416-555-0100'],
      ['打我们的热线 6777 1234', '6777 1234'],
      ['有問題打給我 0912-888-777', '0912-888-777'],
      ['市話 03-852-0000', '03-852-0000'],
      // In Taiwan's characters too (found in review).
      ['打給我 0912888777', '0912888777'],
      ['熱線 6777 1234', '6777 1234'],
    ] as const) {
      assert.deepEqual(kinds(text), [['phone', phone]], text);
    }
  });

  test('order numbers, long ids, amounts and SKUs are not phone numbers', () => {
    for (const text of [
      '订单号 DD20261127000123',
      '订单号DD20261127000123已发货',
      '订单 2026112700012345',
      '1381234567812345',
      'SKU13812345678',
      '金额 13,800.00 元，另一单 15,200.00 元',
      '数量 3 件，单价 129.00',
      '138123456', // too short
      '订单 075588881234', // a bare run of digits: an order number as likely as a landline
      '4008008888',
      '运单 SF 0755 1234 5678 9', // a tracking number in groups
      '2026-11-27 10:00',
      '邮编 100080，门牌 0101-2',
      // Found in review: digit groups before a 0, and lists of numbers.
      '运单号 7700 0123 4567 8901，请查收',
      '券码 6222 0212 3456 7890',
      '订单 PDD-0571-2345-6789',
      '价格 400 500 6000',
      '尺寸 800-100-1200 mm',
      // Not after the numbers of other countries either (twenty-second session).
      'order MY24120007 total RM 4299.00',
      'tracking JT630012345678',
      'the phone 13 pro max 256gb',
      '+5 points for this order',
      'call it 3 boxes, order 0123456789',
      // Found in review: numbers after 号码 are an invoice's, a waybill's, an order's; points are no phone.
      '您的发票已开具，发票号码：12345678',
      '运单号码：773012345678',
      '快递单号码 4312345678901',
      '订单号码：20241126',
      'Cartier ring 1234567',
      'text 1234567 for the tracking',
      'You have earned +1 000 000 bonus points',
      'Your tracking number is 773012345678, J&T Express.',
      'Your order number is 12345678.',
      'The invoice number is 2024112500.',
      'isbn 978-316-148-4100',
      'model 250-350-1200 mm',
      // Found in review: part and order numbers named so, dates after "call back", lysine and a colleague named 赖.
      'SKU 200-300-4000', 'Model 250-350-1000 fits', 'order 305-555-1234 was shipped', 'We will call back on 2026-11-28 10:00', 'the courier will call now 2026-11-28',
      '这款奶粉配方中添加赖氨酸和钙', '这个问题请联系赖经理处理', '我已经帮您联系赖师傅了',
    ]) {
      assert.deepEqual(detectOffPlatformContact(text), [], text);
    }
  });

  test('WeChat and QQ ids and requests to add them', () => {
    assert.deepEqual(kinds('vx: abc123'), [['wechat', 'vx: abc123']]);
    assert.deepEqual(kinds('VX：abc123'), [['wechat', 'VX：abc123']]);
    assert.deepEqual(kinds('我的微信号 wxid_abc88'), [['wechat', '微信号 wxid_abc88']]);
    assert.deepEqual(kinds('微信: 13812345678'), [['wechat', '微信: 13812345678']]);
    assert.deepEqual(kinds('wechat id kefu_shop'), [['wechat', 'wechat id kefu_shop']]);
    assert.deepEqual(kinds('加微信'), [['wechat', '加微信']]);
    assert.deepEqual(kinds('亲，加我vx吧'), [['wechat', '加我vx']]);
    assert.deepEqual(kinds('加v详聊'), [['wechat', '加v']]);
    assert.deepEqual(kinds('qq 12345678'), [['qq', 'qq 12345678']]);
    assert.deepEqual(kinds('QQ：12345678'), [['qq', 'QQ：12345678']]);
    assert.deepEqual(kinds('联系qq'), [['qq', '联系qq']]);
    // Taiwan's LINE (forty-fourth session): "加我的LINE" was delivered.
    assert.deepEqual(kinds('加我的LINE'), [['line', '加我的LINE']]);
    assert.deepEqual(kinds('加賴比較快'), [['line', '加賴']]);
    assert.deepEqual(kinds('LINE ID: shop888'), [['line', 'LINE ID: shop888']]);
    for (const text of ['the line is busy', 'line 1 of the address', '排队的人很多']) assert.deepEqual(detectOffPlatformContact(text), [], text);
  });
}

function contactAppTests(): void {
  test('mentions of the apps themselves are not contacts', () => {
    for (const text of ['支持微信支付', 'pay by wechat directly', 'QQ音乐会员', '加vip会员', '添加微量元素', 'version v1.2.3', '使用说明 node.js']) {
      assert.deepEqual(detectOffPlatformContact(text), [], text);
    }
  });

  test('e-mail addresses and URLs, with on-platform hosts allowed', () => {
    assert.deepEqual(kinds('mail me: a.b@example.com'), [['email', 'a.b@example.com']]);
    assert.deepEqual(kinds('abc＠qq。com'), [['email', 'abc＠qq。com']]);
    assert.deepEqual(kinds('see https://evil.example/x?y=1.'), [['url', 'https://evil.example/x?y=1']]);
    assert.deepEqual(kinds('go to www.example.org now'), [['url', 'www.example.org']]);
    assert.deepEqual(kinds('去 taobao.com 下单'), [['url', 'taobao.com']]);
    const allowed = { allowedHosts: ['platform.com'] };
    assert.deepEqual(detectOffPlatformContact('https://shop.platform.com/item/1', allowed), []);
    assert.deepEqual(detectOffPlatformContact('platform.com/item/1', allowed), []);
    assert.equal(detectOffPlatformContact('https://evilplatform.com/x', allowed).length, 1);
    // An address at an allowed host is the shop's own (thirty-eighth session); another host's is still a contact.
    assert.deepEqual(detectOffPlatformContact('send the photos to photos@platform.com please', allowed), []);
    assert.deepEqual(detectOffPlatformContact('send the photos to photos@support.platform.com', allowed), []);
    assert.equal(detectOffPlatformContact('send them to me@evilplatform.com', allowed).length, 1);
    assert.equal(detectOffPlatformContact('send them to photos@platform.com').length, 1);
  });

  test('overlapping matches are reported once, offsets are the original ones', () => {
    assert.deepEqual(kinds('有问题加微信 abc12345'), [['wechat', '加微信 abc12345']]);
    const text = '亲 vx13812345678 哦';
    const m = detectOffPlatformContact(text);
    assert.equal(m.length, 1);
    assert.equal(m[0]!.kind, 'wechat');
    assert.equal(text.slice(m[0]!.start, m[0]!.end), 'vx13812345678');
  });
}

describe('policies', () => {
  const f = compileFilter(['刷单返现', '代开发票']);

  test('checkAgentMessage: ok, prohibited word first, then off-platform contact', () => {
    assert.deepEqual(checkAgentMessage(f, '您好，订单已发货，请注意查收'), { ok: true });
    const w = checkAgentMessage(f, '可以代*开*发*票，加微信');
    assert.equal(w.ok, false);
    assert.equal(!w.ok && w.reason, 'prohibited_word');
    const c = checkAgentMessage(f, '有问题加微信 abc12345');
    assert.equal(!c.ok && c.reason, 'off_platform_contact');
    assert.equal(!c.ok && c.matches.length, 1);
    assert.deepEqual(checkAgentMessage(f, 'https://shop.platform.com/item/1', { allowedHosts: ['platform.com'] }), { ok: true });
  });

  test("checkAgentImage: only at an allowed image or link host or a subdomain, the operator's or the shop's", () => {
    const ok = (url: string, opts: Parameters<typeof checkAgentImage>[1]) => checkAgentImage(url, opts).ok;
    assert.equal(ok('https://img.alicdn.com/qr.png', {}), false, 'nothing allowed: refused');
    assert.equal(ok('https://img.alicdn.com/qr.png', { allowedImageHosts: ['alicdn.com'] }), true);
    assert.equal(ok('https://IMG.AliCDN.com./qr.png', { allowedImageHosts: ['alicdn.com'] }), true, 'case and a final dot');
    assert.equal(ok('https://cdn.shop.tw/a.jpg', { allowedHosts: ['shop.tw'] }), true, 'a link host serves for images');
    assert.equal(ok('https://user@img.alicdn.com:443/qr.png', { allowedImageHosts: ['alicdn.com'] }), true, 'user and port aside');
    // Read as a browser reads it: a backslash ends the host, so this one loads from img.alicdn.com.
    assert.equal(ok('https://img.alicdn.com\\@evil.example/qr.png', { allowedImageHosts: ['alicdn.com'] }), true);
    for (const url of ['https://alicdn.com.evil.example/qr.png', 'https://evilalicdn.com/qr.png', 'https://evil.example/alicdn.com/qr.png', 'https://alicdn.com@evil.example/qr.png', 'not a url']) {
      assert.equal(ok(url, { allowedImageHosts: ['alicdn.com'] }), false, url);
    }
    const withShop = withShopContacts({ allowedHosts: ['platform.com'] }, { linkHosts: [], imageHosts: ['img.shop-a.example'], phones: ['6581230000'] });
    assert.equal(ok('https://img.shop-a.example/x.png', withShop), true);
    assert.equal(ok('https://platform.com/x.png', withShop), true, "the operator's stay");
    assert.deepEqual(checkAgentMessage(f, 'WhatsApp us at +65 8123 0000', withShop), { ok: true }, "the shop's own number");
    // Not any longer number ending in it: a country code's worth more only (found in review).
    const seven = withShopContacts({}, { linkHosts: [], imageHosts: [], phones: ['6123456'] });
    assert.equal(checkAgentMessage(f, 'call me on +86 138 6123456', seven).ok, false);
    assert.deepEqual(checkAgentMessage(f, 'call me on +65 6123456', seven), { ok: true }, 'with its country code');
  });

  test('maskBuyerMessage masks words but leaves a phone number for delivery alone', () => {
    assert.deepEqual(maskBuyerMessage(f, '收货电话 13812345678'), { text: '收货电话 13812345678', masked: false });
    assert.deepEqual(maskBuyerMessage(f, '你们 刷 单 返 现 吗'), { text: '你们 ******* 吗', masked: true });
  });
});

describe('scale', () => {
  test('crafted input stays linear: nested words, long digit runs, dotted and @ runs', () => {
    const nested = compileFilter(Array.from({ length: 50 }, (_, i) => '哈'.repeat(i + 1)));
    const text = '哈'.repeat(20_000);
    let t0 = performance.now();
    const r = nested.mask(text);
    assert.equal(r.text, '*'.repeat(20_000));
    assert.equal(r.hits.length, 400);
    assert.ok(performance.now() - t0 < 2000, `nested words took ${performance.now() - t0} ms`);
    t0 = performance.now();
    for (const crafted of ['1'.repeat(60_000), 'a'.repeat(60_000) + '@', 'a.'.repeat(30_000), 'www.'.repeat(15_000), '加'.repeat(60_000)]) {
      detectOffPlatformContact(crafted);
    }
    assert.ok(performance.now() - t0 < 2000, `contact detection took ${performance.now() - t0} ms`);
  });

  test('10k words compile once and a 500-character message is checked in well under a millisecond', () => {
    const pool = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经';
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647);
    const words = new Set<string>();
    while (words.size < 10_000) {
      let w = '';
      for (let i = 0, n = 3 + (next() % 3); i < n; i++) w += pool[next() % pool.length];
      words.add(next() % 5 === 0 ? `w${next().toString(36)}` : w);
    }
    const list = [...words];
    const f = compileFilter(list);
    assert.equal(f.size, 10_000);
    const planted = list[4321]!;
    const base = '您好，您的订单已经发货了，预计明天送达。如有问题请随时联系在线客服。Thanks for your order! ';
    let text = '';
    while (text.length < 500) text += base;
    text = text.slice(0, 480) + [...planted].join(' ') + text.slice(480, 500 - planted.length * 2);
    const hits = f.find(text);
    assert.ok(hits.some((h) => h.word === planted), 'the planted word is found');
    for (const h of hits) assert.equal(normalizeForMatch(text.slice(h.start, h.end)), normalizeForMatch(h.word));
    // A loose bound (10x the target): it catches per-message compiling or quadratic work, not
    // scheduling noise on a shared machine. Measured numbers are in the report.
    const rounds = 2000;
    const t0 = performance.now();
    for (let i = 0; i < rounds; i++) checkAgentMessage(f, text);
    const perCallMs = (performance.now() - t0) / rounds;
    assert.ok(perCallMs < 1, `checkAgentMessage took ${perCallMs.toFixed(3)} ms per call`);
  });
});

// Found from outside (thirty-ninth session, a Guangzhou shop): an agent's scam warning was refused as an off-platform contact.
test('"加微信" said as a warning, with no id, is no contact; asking to add one, or an id, still is', () => {
  for (const text of ['加你微信嗰个唔系我哋嘅人！', '千万别加他微信，是骗子', '我们从不让顾客加微信退款']) assert.deepEqual(detectOffPlatformContact(text), [], text);
  for (const text of ['加我微信聊', '加我微信吧 便宜点', '不要加微信了 直接加我 vx: abc12345', '别人都加我微信了', '不要紧 加我微信吧', '不用 加我微信吧']) assert.ok(detectOffPlatformContact(text).length > 0, text);
});

// Found from outside (fortieth session): a Douyin shop's "…不加微信" was refused, and so was a Singapore shop's own WhatsApp line.
test('"不加微信" is no contact ("要不加个微信" still is); the shop\'s own phone numbers, with or without the country code, are allowed', () => {
  for (const text of ['为了您的账户安全，我们只在抖音这个对话框里服务，不加微信。', '我们不能加微信，请在这里沟通']) assert.deepEqual(detectOffPlatformContact(text), [], text);
  for (const text of ['要不加个微信吧', '还不加微信？', '你能不能加微信']) assert.ok(detectOffPlatformContact(text).length > 0, text);
  // Forty-second session (a Hangzhou and a Chengdu shop): needless, and never asked of the buyer; asking still is a contact.
  for (const text of ['王阿姨，照片直接在这里发就行，不需要加微信哦。', '我们绝不会打电话让您加微信、扫码或者开备用金', '不必加微信，这里就能处理']) assert.deepEqual(detectOffPlatformContact(text), [], text);
  for (const text of ['需要加微信吗？我发你', '方便的话让您加微信聊', '我会让你加微信 abc12345', '不需要下单直接加我微信', '没必要在这聊加我微信详聊', '不必在平台拍加我微信便宜点', '亲 不会掉色的 请您加微信看实拍', '不会耽误您很久 请您加我微信']) assert.ok(detectOffPlatformContact(text).length > 0, text);
  // Eleven characters back ("我们从来不会打电话让您加微信"): the window reaches the 不会.
  assert.deepEqual(detectOffPlatformContact('我们客服从来不会主动打电话让您加微信'), []);
  const own = { allowedPhones: ['6561234567'] };
  for (const text of ['or WhatsApp them to our service line +65 6123 4567 anytime', 'call us on 6123 4567']) assert.deepEqual(detectOffPlatformContact(text, own), [], text);
  for (const text of ['call 9876 5432', 'or WhatsApp +65 9123 4567']) assert.ok(detectOffPlatformContact(text, own).length > 0, text);
  assert.ok(detectOffPlatformContact('or WhatsApp them to our service line +65 6123 4567 anytime').length > 0);
});

// Found in review (fortieth session): a five-digit service line allowed let any mobile ending in it through.
test('a short allowed number is allowed as itself only', () => {
  assert.deepEqual(detectOffPlatformContact('有问题打客服热线 95588', { allowedPhones: ['95588'] }).filter((m) => m.text.includes('95588') && !m.text.includes('138')), []);
  assert.ok(detectOffPlatformContact('有问题打我手机 13812395588', { allowedPhones: ['95588'] }).length > 0);
});
