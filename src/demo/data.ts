/**
 * The demo shop's data, written as the platform would push it: webhook events with fixed ids, so
 * seeding goes through the same validation and transaction as real traffic and re-seeding is a
 * no-op (every id is a duplicate). Each buyer covers one conversation the robot must handle.
 * Names, phones and addresses are invented.
 */
import type { PlatformEventInput } from '../commerce/events.ts';

export const DEMO_SHOP_ID = 'shop_demo';
export const DEMO_SHOP = { id: DEMO_SHOP_ID, name: 'Demo Shop', localName: '演示小店' } as const;

export const DEMO_BUYERS = {
  buyer_1: { id: 'buyer_1', name: '张伟', scenario: 'one shipped order; the parcel is in transit', orderIds: ['SO2611230001'] },
  buyer_2: {
    id: 'buyer_2',
    name: '李娜',
    scenario: 'two shipped orders and one delivered: the robot must ask which one',
    orderIds: ['SO2611250004', 'SO2611240003', 'SO2611200002'],
  },
  buyer_3: { id: 'buyer_3', name: '王芳', scenario: 'a delivered order with a refund in progress', orderIds: ['SO2611210005'], aftersaleIds: ['AS2611220001'] },
  buyer_4: { id: 'buyer_4', name: '赵磊', scenario: 'no orders at all', orderIds: [] },
  buyer_5: {
    id: 'buyer_5',
    name: '陈静',
    scenario: 'nothing shipped yet: one order unpaid (pay by tomorrow), one paid (promised to ship by tomorrow evening), one cancelled (with its reason)',
    orderIds: ['SO2611270006', 'SO2611260007', 'SO2611240008'],
  },
} as const;

export type DemoBuyerId = keyof typeof DEMO_BUYERS;

const shop = DEMO_SHOP_ID;
/**
 * The demo's story is written around 2026-11-27 12:00 China Standard Time; its times are moved to
 * end at the start of the process, so that a demo started today shows parcels on their way, not
 * a week late (the robot tells a buyer when tracking stopped moving). Seeding is idempotent by
 * event id: a data dir keeps the times of its first seed.
 */
const STORY_NOW = Date.parse('2026-11-27T12:00:00+08:00');
const SHIFT_MS = Math.max(0, Date.now() - STORY_NOW);
/** A time of the story's day `day` of November at `hhmm` CST, moved to now. */
const cst = (day: number, hhmm: string) => new Date(Date.parse(`2026-11-${String(day).padStart(2, '0')}T${hhmm}:00+08:00`) + SHIFT_MS).toISOString();

const RECEIVERS = {
  buyer_1: { name: '张伟', phone: '13812345678', address: '北京市朝阳区建国路88号SOHO现代城2号楼1801室' },
  buyer_2: { name: '李娜', phone: '13987654321', address: '上海市浦东新区张江镇碧波路690号3号楼502室' },
  buyer_3: { name: '王芳', phone: '13760001234', address: '广东省深圳市南山区粤海街道高新南一道9号中科大厦12层' },
  buyer_5: { name: '陈静', phone: '13600112233', address: '四川省成都市武侯区天府大道北段1700号环球中心W6区1203室' },
} as const;

export const DEMO_EVENTS: readonly PlatformEventInput[] = [
  // buyer_1: paid, then shipped; the parcel crosses the country.
  {
    id: 'demo-evt-0001',
    type: 'order.upserted',
    shopId: shop,
    occurredAt: cst(23, '10:13'),
    data: {
      orderId: 'SO2611230001',
      userId: 'buyer_1',
      status: 'paid',
      items: [
        { sku: 'HW-FB5I-WHT', title: '华为 FreeBuds 5i 真无线降噪蓝牙耳机 陶瓷白', quantity: 1, price: '499.00' },
        { sku: 'HW-FB5I-CASE', title: '耳机硅胶保护套 白色', quantity: 1, price: '29.90' },
      ],
      totalAmount: '528.90',
      currency: 'CNY',
      receiver: RECEIVERS.buyer_1,
      createdAt: cst(23, '10:12'),
      updatedAt: cst(23, '10:13'),
    },
  },
  {
    id: 'demo-evt-0002',
    type: 'order.upserted',
    shopId: shop,
    occurredAt: cst(23, '18:40'),
    data: {
      orderId: 'SO2611230001',
      userId: 'buyer_1',
      status: 'shipped',
      items: [
        { sku: 'HW-FB5I-WHT', title: '华为 FreeBuds 5i 真无线降噪蓝牙耳机 陶瓷白', quantity: 1, price: '499.00' },
        { sku: 'HW-FB5I-CASE', title: '耳机硅胶保护套 白色', quantity: 1, price: '29.90' },
      ],
      totalAmount: '528.90',
      currency: 'CNY',
      receiver: RECEIVERS.buyer_1,
      createdAt: cst(23, '10:12'),
      updatedAt: cst(23, '18:40'),
    },
  },
  {
    id: 'demo-evt-0003',
    type: 'logistics.upserted',
    shopId: shop,
    occurredAt: cst(25, '06:20'),
    data: {
      orderId: 'SO2611230001',
      carrier: '顺丰速运',
      trackingNo: 'SF1428573920166',
      status: 'in_transit',
      events: [
        { time: cst(23, '18:40'), location: '深圳市', description: '顺丰速运已收取快件' },
        { time: cst(23, '22:15'), location: '深圳市', description: '快件已到达【深圳宝安转运中心】' },
        { time: cst(24, '03:30'), location: '深圳市', description: '快件已从【深圳宝安转运中心】发出，下一站【武汉转运中心】' },
        { time: cst(24, '19:05'), location: '武汉市', description: '快件已到达【武汉转运中心】' },
        { time: cst(25, '06:20'), location: '北京市', description: '快件已到达【北京顺义集散中心】' },
      ],
      updatedAt: cst(25, '06:20'),
    },
  },

  // buyer_2: three orders; two parcels on the way, one delivered.
  {
    id: 'demo-evt-0004',
    type: 'order.upserted',
    shopId: shop,
    occurredAt: cst(21, '16:45'),
    data: {
      orderId: 'SO2611200002',
      userId: 'buyer_2',
      status: 'delivered',
      items: [{ sku: 'UQ-FLEECE-NVY-L', title: '优衣库 男装 摇粒绒拉链茄克 藏青色 L码', quantity: 1, price: '199.00' }],
      totalAmount: '199.00',
      currency: 'CNY',
      receiver: RECEIVERS.buyer_2,
      createdAt: cst(20, '09:30'),
      updatedAt: cst(21, '16:45'),
    },
  },
  {
    id: 'demo-evt-0005',
    type: 'logistics.upserted',
    shopId: shop,
    occurredAt: cst(21, '16:45'),
    data: {
      orderId: 'SO2611200002',
      carrier: '韵达快递',
      trackingNo: 'YD4312987765021',
      status: 'delivered',
      events: [
        { time: cst(20, '17:00'), location: '杭州市', description: '韵达快递已揽收' },
        { time: cst(21, '02:10'), location: '杭州市', description: '快件已从【杭州分拨中心】发出' },
        { time: cst(21, '08:00'), location: '上海市', description: '快件已到达【上海浦东分拨中心】' },
        { time: cst(21, '14:30'), location: '上海市', description: '快件正在派送中' },
        { time: cst(21, '16:45'), location: '上海市', description: '快件已签收，签收人：本人' },
      ],
      updatedAt: cst(21, '16:45'),
    },
  },
  {
    id: 'demo-evt-0006',
    type: 'order.upserted',
    shopId: shop,
    occurredAt: cst(24, '20:10'),
    data: {
      orderId: 'SO2611240003',
      userId: 'buyer_2',
      status: 'shipped',
      items: [{ sku: 'SZSS-MIX-750', title: '三只松鼠 每日坚果混合果仁 750g/30袋', quantity: 2, price: '89.90' }],
      totalAmount: '179.80',
      currency: 'CNY',
      receiver: RECEIVERS.buyer_2,
      createdAt: cst(24, '11:02'),
      updatedAt: cst(24, '20:10'),
    },
  },
  {
    id: 'demo-evt-0007',
    type: 'logistics.upserted',
    shopId: shop,
    occurredAt: cst(25, '09:15'),
    data: {
      orderId: 'SO2611240003',
      carrier: '中通快递',
      trackingNo: '78341256093017',
      status: 'in_transit',
      events: [
        { time: cst(24, '20:10'), location: '芜湖市', description: '中通快递已揽收' },
        { time: cst(25, '02:40'), location: '芜湖市', description: '快件已从【芜湖中转部】发出，发往【上海中转部】' },
        { time: cst(25, '09:15'), location: '上海市', description: '快件已到达【上海中转部】' },
      ],
      updatedAt: cst(25, '09:15'),
    },
  },
  {
    id: 'demo-evt-0008',
    type: 'order.upserted',
    shopId: shop,
    occurredAt: cst(25, '19:00'),
    data: {
      orderId: 'SO2611250004',
      userId: 'buyer_2',
      status: 'shipped',
      items: [
        { sku: 'MI-T300-WHT', title: '米家声波电动牙刷 T300 白色', quantity: 1, price: '99.00' },
        { sku: 'MI-T300-HEAD3', title: '米家电动牙刷头 通用型 3支装', quantity: 1, price: '39.00' },
      ],
      totalAmount: '138.00',
      currency: 'CNY',
      receiver: RECEIVERS.buyer_2,
      createdAt: cst(25, '08:47'),
      updatedAt: cst(25, '19:00'),
    },
  },
  {
    id: 'demo-evt-0009',
    type: 'logistics.upserted',
    shopId: shop,
    occurredAt: cst(27, '08:30'),
    data: {
      orderId: 'SO2611250004',
      carrier: '圆通速递',
      trackingNo: 'YT6612093847251',
      status: 'out_for_delivery',
      events: [
        { time: cst(25, '19:00'), location: '广州市', description: '圆通速递已揽收' },
        { time: cst(26, '01:20'), location: '广州市', description: '快件已从【广州转运中心】发出' },
        { time: cst(26, '21:40'), location: '上海市', description: '快件已到达【上海转运中心】' },
        { time: cst(27, '08:30'), location: '上海市', description: '快件正在派送中，请保持电话畅通' },
      ],
      updatedAt: cst(27, '08:30'),
    },
  },

  // buyer_3: the water arrived leaking; a refund was requested and approved, money not back yet.
  {
    id: 'demo-evt-0010',
    type: 'order.upserted',
    shopId: shop,
    occurredAt: cst(22, '15:20'),
    data: {
      orderId: 'SO2611210005',
      userId: 'buyer_3',
      status: 'delivered',
      items: [{ sku: 'NFSQ-550-24', title: '农夫山泉 饮用天然水 550ml×24瓶 整箱', quantity: 1, price: '45.90' }],
      totalAmount: '45.90',
      currency: 'CNY',
      receiver: RECEIVERS.buyer_3,
      createdAt: cst(21, '20:05'),
      updatedAt: cst(22, '15:20'),
    },
  },
  {
    id: 'demo-evt-0011',
    type: 'logistics.upserted',
    shopId: shop,
    occurredAt: cst(22, '15:20'),
    data: {
      orderId: 'SO2611210005',
      carrier: '京东快递',
      trackingNo: 'JDV012345678901',
      status: 'delivered',
      events: [
        { time: cst(22, '07:10'), location: '东莞市', description: '京东快递已揽收' },
        { time: cst(22, '11:30'), location: '深圳市', description: '快件已到达【深圳南山营业部】' },
        { time: cst(22, '15:20'), location: '深圳市', description: '快件已签收，签收人：前台代收' },
      ],
      updatedAt: cst(22, '15:20'),
    },
  },
  {
    id: 'demo-evt-0012',
    type: 'aftersale.upserted',
    shopId: shop,
    occurredAt: cst(22, '20:00'),
    data: {
      aftersaleId: 'AS2611220001',
      orderId: 'SO2611210005',
      userId: 'buyer_3',
      type: 'refund',
      status: 'requested',
      amount: '45.90',
      reason: '收到时外包装破损，多瓶漏水',
      updatedAt: cst(22, '20:00'),
    },
  },
  {
    id: 'demo-evt-0013',
    type: 'aftersale.upserted',
    shopId: shop,
    occurredAt: cst(23, '10:05'),
    data: {
      aftersaleId: 'AS2611220001',
      orderId: 'SO2611210005',
      userId: 'buyer_3',
      type: 'refund',
      status: 'approved',
      amount: '45.90',
      reason: '收到时外包装破损，多瓶漏水',
      updatedAt: cst(23, '10:05'),
    },
  },

  // buyer_5: nothing shipped yet; the orders carry the platform's terms (pay by, ship by, why cancelled).
  {
    id: 'demo-evt-0014',
    type: 'order.upserted',
    shopId: shop,
    occurredAt: cst(24, '09:40'),
    data: {
      orderId: 'SO2611240008',
      userId: 'buyer_5',
      status: 'cancelled',
      items: [{ sku: 'LN-RUN-41', title: '李宁 超轻跑步鞋 41码', quantity: 1, price: '369.00' }],
      totalAmount: '369.00',
      currency: 'CNY',
      receiver: RECEIVERS.buyer_5,
      cancelReason: '买家申请取消：拍错尺码',
      createdAt: cst(24, '09:02'),
      updatedAt: cst(24, '09:40'),
    },
  },
  {
    id: 'demo-evt-0015',
    type: 'order.upserted',
    shopId: shop,
    occurredAt: cst(26, '21:31'),
    data: {
      orderId: 'SO2611260007',
      userId: 'buyer_5',
      status: 'paid',
      items: [{ sku: 'LN-RUN-42', title: '李宁 超轻跑步鞋 42码', quantity: 1, price: '369.00' }],
      totalAmount: '369.00',
      currency: 'CNY',
      receiver: RECEIVERS.buyer_5,
      shipBy: cst(28, '18:00'),
      createdAt: cst(26, '21:30'),
      updatedAt: cst(26, '21:31'),
    },
  },
  {
    id: 'demo-evt-0016',
    type: 'order.upserted',
    shopId: shop,
    occurredAt: cst(27, '11:05'),
    data: {
      orderId: 'SO2611270006',
      userId: 'buyer_5',
      status: 'pending_payment',
      items: [{ sku: 'MI-RICE-4L', title: '米家 IH 电饭煲 4L', quantity: 1, price: '299.00' }],
      totalAmount: '299.00',
      currency: 'CNY',
      receiver: RECEIVERS.buyer_5,
      payBy: cst(28, '11:05'),
      createdAt: cst(27, '11:05'),
      updatedAt: cst(27, '11:05'),
    },
  },
];
