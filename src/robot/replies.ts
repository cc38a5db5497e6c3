/**
 * Everything the robot says, in Chinese and English. Texts are complete on their own (a client
 * that ignores cards still gets the answer); facts come in as arguments, never from here.
 */
import { NUMBER_LISTS } from './emergency-numbers.ts';
import type { Intent, Lang, LookupName } from './types.ts';
import type { Hazard } from './dialogue.ts';

/**
 * A cancel reason saying the order was never paid ("超时未支付，系统自动取消", "unpaid, auto-cancelled"):
 * no money to send back (found from outside: a refund promised for an order nobody paid).
 */
// A payment declined took nothing either ("Klarna payment was declined": an LA shop, forty-fifth session, "was i charged anything??" told the card alone).
const NEVER_PAID = /支付失败|付款失败|扣款失败|(?<![a-z])(?:payment|card|klarna|afterpay|paypal) (?:\w+ )?(?:was |got )?(?:declined|failed|unsuccessful)(?![a-z])|未支付|未付款|没付款|没有付款|超时未付|逾期未付|支付超时|付款超时|交易超时|超时关闭|未在.{0,8}内(?:完成)?(?:支付|付款)|(?<![a-z])(?:unpaid|not paid|never paid|non-?payment|no payment|payment (?:timed? ?out|expired|not (?:received|completed))|(?:payment|order) (?:window )?expired)(?![a-z])/i;
/** A deposit or a balance paid, or a refund named: money may have been taken (found in review: "尾款未支付，定金不退"). */
const SOME_PAID = /尾款|定金|订金|(?<![a-z])(?:deposit|balance)(?![a-z])/i;
export const neverPaid = (reason: string): boolean => NEVER_PAID.test(reason) && !SOME_PAID.test(reason);

export interface Texts {
  greeting: string;
  /** To thanks. */
  bye: string;
  /** To a goodbye without thanks ("再见", "bye"). */
  farewell: string;
  /** To an acknowledgment ("好的", "ok", "👍"). */
  noted: string;
  /** The buyer going to buy elsewhere: sorry, and a person offered. */
  leaving: string;
  /** Said to praise ("点个赞", "great service, will buy again"): thanks, not a question answered. */
  praised: string;
  /** A parcel on its way, with the shop's own word on how long delivery takes. */
  etaShipped: Record<'in_transit' | 'pending', (entry: string) => string>;
  /** Gas from a stove or a canister: off, away from flames, aired. */
  gasFirst: string;
  /** A return on its way back, then the shop's own word on its refund. */
  returningThen(entry: string): string;
  handoverRequested: string;
  handoverComplaint: string;
  /** A double charge reported: what a person needs to check it. */
  doubleCharge: string;
  /** Charged after a subscription was cancelled: what the person needs to check it. */
  chargedAfterCancel: string;
  /** Said before a hand-over about goods that overheat, smoke or swell. */
  safetyFirst: string;
  /** After safetyFirst, when the danger is a battery or the buyer asks how to get rid of the thing: not the household bin, not the post. */
  batteryDisposal: string;
  /** Something about to fall, or someone hurt by the goods: what to do now. */
  hazardFirst: Record<Hazard, string>;
  /** A dose, or whether someone may take it: no advice, a person (handed over with it). */
  healthAdvice: string;
  /** A reaction after taking or using it: stop, a doctor when it is serious, a person (handed over with it). */
  healthReaction: string;
  /** A pet unwell after the goods: stop them, the vet, a person first. */
  healthPet: string;
  /** A pet that swallowed what harms it (a battery, desiccant, litter, chocolate, medicine): the vet now, not a person's emergency number. */
  healthPetEmergency: string;
  /** A message in a language the robot does not read. */
  foreignLanguage: string;
  /** Someone in danger now: the danger said first, an allergy's swollen throat with it, then medicine swallowed (an allergy's emergency had read as an overdose's: a Sydney pet pharmacy). */
  healthEmergency: string;
  /** A button battery, a magnet or a sharp thing swallowed: the emergency department even when the child seems fine. */
  healthBattery: string;
  /** Bleeding in pregnancy or after taking it, blood pressure shooting up, chest pain, fainting: a doctor now, no "if". */
  healthDoctor: string;
  /** Choking now: the call, then back blows and thrusts (a baby's own), not fingers in the mouth. */
  healthChoking: string;
  /** A head hurt with its signs: kept still, the bleeding pressed, the signs that need the emergency number. */
  healthHeadInjury: string;
  handoverNotUnderstood: string;
  /** A buyer waiting in the queue took the hand-over back. */
  handoverWithdrawn: string;
  /** A message in the queue, nobody online, that the FAQ does not answer: it is kept for a person (said at most every few minutes). */
  queuedKept: string;
  queuedNoted: string;
  /** A question of dose or of who may take it, asked in the queue: the same caution as with the robot, and that it is kept. */
  queuedHealthAdvice: string;
  /** A complaint typed while waiting in the queue: moved ahead. */
  queuedComplaint: string;
  notUnderstood: string;
  /** "Are you a bot?": who answers, and how to reach a person. */
  identity: string;
  smallTalk: string;
  /** The buyer asked for this language. */
  langSwitched: string;
  notSureOfferHuman: string;
  /** The shop's entry on the topic was found in the other language only: said as it is, with a person offered to explain it. */
  otherLanguageEntry(question: string, answer: string): string;
  /** The shop's own word on a matter, written only in the other language, where a built-in text would say otherwise. */
  otherLanguageNote(note: string): string;
  /** The shop's words in the other language, marked as such inside a sentence of ours. */
  inOtherLanguage(note: string): string;
  /** The dispatch day the shop's rule in the other language gives. */
  shipDayByRule(day: string): string;
  confirmIntent(intent: Intent): string;
  /** One of several FAQ questions the buyer picked at once, with its answer. */
  faqPicked(question: string, answer: string): string;
  confirmDeclined: string;
  /** "Don't cancel, I'll keep it" after we spoke of cancelling: nothing is cancelled. */
  cancelDeclined: string;
  /** The address said to be right after all: nothing changed. */
  addressKept: string;
  /** Told it is paid, the order still awaits payment. */
  paidNotShown: string;
  /** A bare yes to a list of several questions: which one? */
  pickByNumber: string;
  /** The buyer cannot read the language the shop wrote its answer in: a person offered to explain it. */
  cannotRead: string;
  humanDeclined: string;
  noOrders: string;
  /** "可以寄到公司嗎" asked by a buyer with no order: where goods go is the address typed at checkout. */
  addressBeforeOrder: string;
  noOrderWithId(id: string): string;
  noMatchingOrder: string;
  onlyCancelledOrders: string;
  /** `task` 'reschedule': the list is for another delivery day, not another address. */
  chooseOrder(intent: Intent, count: number, task?: 'reschedule'): string;
  choiceOutOfRange(count: number): string;
  /** The shop's FAQ questions the buyer may have meant, numbered. */
  faqWhich(questions: readonly string[]): string;
  /** One plausible FAQ entry: "did you mean …?" (a yes gets its answer). */
  faqConfirm(question: string): string;
  unavailable(what: LookupName): string;
  offerHumanShort: string;
  parcel(p: { orderId: string; title: string; carrier: string; trackingNo: string; status: string; latest?: string }): string;
  parcelNoEvents(p: { orderId: string; carrier: string; trackingNo: string }): string;
  shippedNoLogistics(orderId: string, title: string): string;
  notShippedYet(orderId: string, title: string, status: string, promise: string): string;
  /** A parcel stuck for days, or with a delivery problem, said after its tracking: whole sentences. */
  parcelTrouble: { stalled(days: number): string; exception: string; lost: string; pastDays(waited: number, promised: number, working: boolean): string };
  /** The money asked back of a parcel the carrier reports a problem with: a person arranges it, no postage of the buyer's. */
  refundOfTroubled(orderId: string): string;
  /** Paid longer ago than the shipping promise, and not shipped. */
  shipLate(hours: number): string;
  /** Shipped this many days ago and no tracking at all yet. */
  noTrackingLate(days: number): string;
  orderStatus(p: { orderId: string; title: string; status: string; total: string; created: string }): string;
  carrierLine(carrier: string, trackingNo: string): string;
  /** An order shipped in several parcels, each told after this. */
  splitParcels(orderId: string, n: number): string;
  /** One parcel of several: its number, carrier and tracking number, `said` of it (an `etaFor` text, or its status), and its latest event. */
  parcelLine(n: number, carrier: string, trackingNo: string, said: string, latest: string | undefined): string;
  /** A parcel's status as `parcelLine` says it. */
  parcelIs(status: string): string;
  /** A parcel's status when it waits at a pickup point for the buyer. */
  atPickupStatus: string;
  /** The same, said on its own after the parcel's answer. */
  atPickupNote: string;
  /** The pickup code lost or never seen ("丰巢取件码忘了咋办"): where it is sent and kept. */
  pickupCodeLost: string;
  /** The courier's phone asked of a parcel not out for delivery yet ("快递员电话多少"). */
  courierPhoneNotYet: string;
  latestEvent(text: string): string;
  eta(p: { orderId: string; title: string; estimate: string }): string;
  /** An order not sent, told the shop's own delivery days after it instead of the robot's. */
  etaUnsent: string;
  /** An order not shipped, told with the shop's own FAQ answer on shipping time instead of `etaFor`'s promise. */
  etaShop: Record<'paid' | 'pending_payment', (answer: string) => string>;
  /** The built-in promise of `notShippedYet` when the shop's FAQ does not say its own. */
  shipPromise: string;
  /** A pre-order's terms: the shop's entry on pre-orders if any, and the day it is due by when known. */
  /** When a pre-order or a made-to-order order ships: the shop's entry on such goods, and the day it is due. */
  ahead: Record<'pre_order' | 'made_to_order', (answer: string | undefined, by: string | undefined) => string>;
  etaFor: Record<'out_for_delivery' | 'in_transit' | 'pending' | 'delivered' | 'at_pickup' | 'exception' | 'paid' | 'pending_payment' | 'cancelled' | 'unknown', string>;
  /** `etaFor` for a receiver abroad: no built-in number of days. */
  etaAbroad: Record<'in_transit' | 'pending' | 'paid' | 'pending_payment', string>;
  /** A parcel whose tracking has not moved for longer than its state allows. */
  stalled(days: number): string;
  /** A parcel tracked as delivered that the buyer says they did not get. */
  deliveredNotReceived: string;
  /** Part of an order sent as one parcel, tracked as delivered, said to have arrived. */
  partArrived: string;
  /** Asked to arrange a service the shop's entry describes (an installation visit): a person can. */
  arrangeOffer: string;
  /** The buyer's case is past an entry's condition: the entry's words on it, and a person to decide. */
  ruleException(said: string): string;
  /** Words for the order (a card, an instruction): the robot cannot note them; a person can. */
  noteOffer: string;
  /** The words engraved or printed on the goods: the robot changes none; a person, before production starts. */
  engravingOffer: string;
  /** Goods the shop's riders bring on a chosen day (flowers, cakes). */
  /** An order not sent yet, booked for a day its title names: that day, and no "later than usual". */
  bookedFor(orderId: string, title: string, day: string): string;
  local: {
    /** When it is due: the day and window the order names, or the one chosen at checkout. */
    due(orderId: string, title: string, slot: string | undefined): string;
    /** Past its window and not delivered. */
    late: string;
    /** Within its window, and the buyer is in a hurry. */
    urge: string;
  };
  /** Goods with no parcel (top-ups, codes, memberships). */
  digital: {
    /** Not sent or credited yet; `terms` is the shop's entry on how soon, or `promise`. */
    pending(orderId: string, title: string, terms: string): string;
    promise: string;
    late(hours: number): string;
    sent(orderId: string, title: string): string;
    /** Where a code or key is found, when the shop has no entry on it. */
    findCode: string;
    /** Where a top-up or membership is credited. */
    findTopUp: string;
    /** Said not to have come, or not to work: a person checks. */
    check: string;
  };
  chaseOffer: string;
  /** A chase asked for outright: a person called to do it. */
  chaseHandover: string;
  /** A refund's amount disputed or a payment not found: a person checks it. */
  moneyHandover: string;
  /** Details sent that a person acts on (a tax number, a serial): passed on. */
  detailsHandover: string;

  /** Why an order was cancelled: not in the robot's data; a person can look. */
  cancelledWhy: string;
  /** Why an order was cancelled, as the platform sent it (`cancelReason`). */
  cancelledBecause(reason: string): string;
  /** The latest time an unpaid order may be paid (`payBy`), beside its status. */
  payBy(at: string): string;
  /** The day the shop promised to send the order out (`shipBy`). */
  shipBy(day: string): string;
  /** The same day, passed with the order still unsent. */
  shipByPassed(day: string): string;
  /** The day an in-stock order goes out by the shop's own rule on sending (ship-day.ts), with its weekday. */
  shipDay(day: string): string;
  /**
   * The shipping day a pre-order's title names. "From" a day says that day and no end of our own (two rounds of outside testers read the week the robot
   * added, "预计1月25日前发出" beside the shop's "2月3日前全部发完", as invented); "by" a day says it.
   */
  titledShip(from: string | undefined, by: string): string;
  /** Asked to hurry an order not shipped yet: the robot cannot; a person can. */
  urgeShipOffer: string;
  /** The buyer says the parcel is late, and the tracking shows nothing wrong yet. */
  lateSorry: string;
  /** The buyer needs the parcel soon and does not say it is late. */
  urgentOffer: string;
  noAftersale: string;
  noAftersaleFor(orderId: string): string;
  /** `noAftersale` without the built-in way to ask for one (an "After-sales" button many shops do not have). */
  noRequest: string;
  noRequestFor(orderId: string): string;
  /** `since`: when the request reached its status (its last update), so "1-3 个工作日" can be counted (found from outside). */
  /** `amount` absent: to be confirmed on review; `goods`: an exchange, where no money moves. `reason`: the shop's, shown for a rejected or closed request. */
  /** `goods`: no money moves (an exchange, a refused or closed request without an amount): no amount said. */
  aftersale(p: { orderId: string; type: string; status: string; since?: string; amount?: string; goods?: boolean; reason?: string; hint: string }): string;
  aftersaleHint: Record<'requested' | 'requested_goods' | 'approved_refund' | 'approved_goods' | 'rejected' | 'returning' | 'refunded' | 'closed', string>;
  /** Asked when or where the money goes ("是退到微信还是银行卡", "when do I get my money"), before it is paid. */
  moneyHint: Partial<Record<'requested_goods' | 'approved_refund' | 'approved_goods' | 'returning', string>>;
  /** When an exchange's new item goes out, when the shop says nothing of its own. */
  replacementHint: string;
  /** A request waiting on the shop longer than its hint promises. */
  aftersaleLate(days: number): string;
  /** Refunded longer ago than the shop's own time for the money to show. */
  refundedLate(days: number): string;
  /** The buyer says it is late or has not come, though it is within its promise by our clock. */
  aftersaleChase: string;
  /** Asked after a request on time: the day the shop's own time makes it due. */
  aftersaleDue(day: string): string;
  /** Whether a parcel on its way comes by the day the buyer named, by the usual time the answer gave (days formatted). */
  /** A day asked that is today, in the arrival sentences. */
  today: string;
  arrivalBy: {
    by(day: string): string;
    maybe(day: string, last: string): string;
    unlikely(day: string, first: string, last: string): string;
    overdue(day: string): string;
    /** The courier's newest event gives a day for the delivery: the day asked, or another. */
    courierSame(day: string): string;
    courierEarlier(asked: string, day: string): string;
    courierLater(asked: string, day: string): string;
  };
  /** A waybill of goods sent back, typed in the chat: where it belongs. */
  returnWaybill(trackingNo: string, orderId: string): string;
  /** "撤销退款申请", "withdraw the refund request": the robot cannot; where the buyer can, or a person (`settled`: nothing left to withdraw). */
  withdrawRequest(p: { type: string; orderId: string; status: string; settled: boolean; shipped: boolean }): string;
  /** Several requests could be meant: how any is withdrawn. */
  withdrawHow: string;
  /**
   * "不退了 我想换L码": a return or refund request the buyer would rather turn into an exchange. The
   * robot changes no request: withdraw it and ask for the exchange, or a person (`kind`: what the
   * request is now; `exchange`: it is an exchange already).
   */
  toExchange(p: { type: string; orderId: string; status: string; kind: 'open' | 'returning' | 'refunded' | 'ended'; exchange: boolean }): string;
  /** The same with no request under way: how an exchange is asked for. */
  exchangeHow: string;
  /** Before a request's status, when the buyer asks to cancel an order whose refund is already requested. */
  cancelAskedBefore(orderId: string): string;
  /** Another size or colour for an order not shipped yet: not editable here, cancel and order again or a person. */
  specUnshipped(orderId: string): string;
  /** A pre-order or made-to-order whose own rule allows no cancelling: that rule, and a person for the change. */
  specNoCancel(orderId: string, rule: string): string;
  addItems(orderId: string, open: boolean): string;
  /** The same for an order already shipped: an exchange once it arrives. */
  specShipped(orderId: string, delivered: boolean): string;
  /** Where the order goes, its numbers masked, for a buyer checking it. */
  addressOnOrder(orderId: string, address: string, name: string): string;
  /** Another size or colour asked of an order that was cancelled: nothing to change; a new order. */
  specCancelled(orderId: string): string;
  /** A digital order already sent, asked to be cancelled or returned. */
  cancelDigital(id: string): string;
  /** `cancelReason`: the platform's, said with a cancelled order, whose money is promised back only when the reason does not say it was never paid. */
  cancel: Record<'pending_payment' | 'paid' | 'shipped' | 'delivered' | 'cancelled', (orderId: string, cancelReason?: string) => string>;
  /** `cancel`, with the shop's own FAQ answer on cancelling instead of the robot's procedure. */
  /** `payBy`: when an unpaid order closes by itself, said before the shop's way to cancel (nothing to refund: an outside shop, forty-first session). */
  cancelShop: Record<'pending_payment' | 'paid', (orderId: string, answer: string, payBy?: string) => string>;
  /** A sent order, with the shop's entry on returns instead of the built-in way back. */
  cancelSent: Record<'shipped' | 'delivered', (orderId: string, answer: string) => string>;
  /** How refusing a shipped order's delivery goes. */
  refuseDelivery(orderId: string): string;
  /** How long an unpaid order is kept: of this order, or the rule (with how many of the buyer's are unpaid) when none or several is meant. */
  unpaidTimeout(orderId?: string, unpaid?: number, payBy?: string): string;
  changeAddress: {
    editable(orderId: string, name: string, phone: string): string;
    /** `editable`, with the shop's own FAQ answer on changing an address instead of the robot's procedure. */
    editableShop(orderId: string, answer: string, name: string, phone: string): string;
    shipped(orderId: string, carrier?: string, trackingNo?: string): string;
    /** `shipped`, with the shop's own FAQ answer on changing an address instead of the robot's "ask the courier to redirect it". */
    shippedShop(orderId: string, answer: string): string;
    closed(orderId: string, status: string): string;
    /** The buyer typed the new address: a person can apply it; the robot cannot. */
    given(orderId: string): string;
    /** The buyer typed the new address of an order already sent: a person can ask the courier to redirect it; the robot cannot. */
    givenShipped(orderId: string, carrier?: string, trackingNo?: string): string;
    /** Another delivery day asked for ("能不能改到周六送"): the robot cannot set it; with the shop's entry on it when there is one. */
    reschedule(orderId: string, answer: string | undefined): string;
  };
  policy: Record<'return_policy' | 'invoice' | 'coupon', string>;
  /** For a shop that wrote its own FAQ with nothing on the topic: no policy of the robot's making. */
  policyUnknown: Record<'return_policy' | 'invoice' | 'coupon', string>;
  /** A coupon that did not apply, and invoice details the buyer sent: the robot can do neither, a person can. */
  policyTrouble: Record<'invoice' | 'coupon' | 'return_policy', string>;
  /** The same without a procedure of the robot's own: said beside a shop that wrote its own on the topic. */
  policyTroubleShort: Record<'invoice' | 'coupon' | 'return_policy', string>;
  /** A delivered order against the returns window its policy gives: past it, or open until a day. */
  returnWindow: { passed(id: string, day: string, days: number, n: number): string; open(id: string, day: string, until: string, n: number): string };
  intentName: Partial<Record<Intent, string>>;
}

/** A coupon that did not apply: its usual causes, for a shop that wrote nothing on coupons. */
const ZH_COUPON_TROUBLE = '优惠券没抵扣，常见原因是：未达到使用门槛、商品不在券的适用范围、券已过期，或与其他活动不能叠加。确认都符合还是没减的话，回复“转人工”帮您核实。';
const EN_COUPON_TROUBLE = 'When a coupon doesn\'t apply, it\'s usually because the order is below its minimum spend, the item isn\'t covered, the coupon has expired, or it can\'t be combined with another promotion. If none of these fits, say "human" and an agent will check.';

/** A shop's free text as one sentence of a reply: ended with `stop` (a Chinese one after Chinese only) unless it ends in a mark of its own. */
const sentence = (text: string, stop: string) => {
  const t = text.trim();
  if (/[。.!?！？…]$/.test(t)) return t;
  return `${t}${stop === '。' && !/\p{Script=Han}$/u.test(t) ? '.' : stop}`;
};

const HAN = /\p{Script=Han}/u;
/** The current receiver, or nothing when this node cannot read it (`receiverOf` in cards.ts). */
const zhWho = (name: string, phone: string) => (name || phone ? `当前收货人 ${name}，电话 ${phone}。` : '');
const enWho = (name: string, phone: string) => (name || phone ? `Current recipient ${name}, phone ${phone}. ` : '');

const zh: Texts = {
  greeting: '您好，我是店铺智能客服。可以帮您查物流、查订单、查退款进度，也能解答发货、退换货、发票等问题。请问有什么可以帮您？',
  bye: '不客气，祝您购物愉快！还有问题随时找我。',
  farewell: '再见，祝您购物愉快！还有问题随时找我。',
  noted: '好的，还有问题随时找我。',
  leaving: '很抱歉这次没能帮上忙。需要的话我可以为您转接人工客服，帮您把问题处理好，您看需要吗？',
  praised: '谢谢您的认可和支持！祝您用得顺心，还有问题随时找我。',
  etaShipped: { in_transit: (e) => `正在运输途中。${e}`, pending: (e) => `已发货，等待快递揽收。${e}` },
  gasFirst: '为了安全，请马上关掉燃气（炉具、烤炉或热水器的开关、燃气总阀，或气罐、钢瓶的阀门并取下气罐），打开门窗通风，不要开关电器、不要点火，人先离开；味道一直不散，请拨打燃气公司的抢修电话。',
  returningThen: (e) => `仓库签收后处理。${e}`,
  handoverRequested: '好的，正在为您转接人工客服，请稍候。',
  handoverComplaint: '非常抱歉给您带来不好的体验，已为您优先转接人工客服处理，请稍候。',
  doubleCharge: '重复扣款需要人工客服对照支付记录核实：麻烦准备好两笔扣款的截图（时间和金额），核实后多扣的款项会原路退回。',
  chargedAfterCancel: '取消后又扣了款，需要人工客服对照订阅和支付记录核实：麻烦准备好这笔扣款的截图（时间和金额），以及取消的时间或取消成功的提示。',
  safetyFirst: `为了安全，请先停止使用并拔掉电源，把它放在远离易燃物的地方，不要再充电或拆开，也不要用水浇；冒烟起火请远离并拨打火警电话${NUMBER_LISTS.zhFire}。`,
  batteryDisposal: '鼓包、发烫或损坏的电池不要扔进普通垃圾桶，也不要自己寄回：先放在阴凉处，远离易燃物（放进金属盒或装沙的容器里更好）；换货或退货怎么处理由客服告诉您，之后请交给电池回收点。',
  hazardFirst: {
    fire: `请马上让所有人离开着火的地方，随手关上门，到安全的地方后拨打火警电话${NUMBER_LISTS.zhFire}；不要回去拿东西，电器或油锅起火不要用水浇。火很小、确定安全时，可以先拔掉电源或用灭火器、湿毛巾盖住。`,
    broke: `为了安全，请先停止使用它，不要再骑、再推、再坐或再站上去；有人受伤的话请先处理伤处，严重时请立即就医或拨打当地急救电话${NUMBER_LISTS.zhHealth}。请留好断掉的零件和包装，拍下照片。`,
    shock: `请先在插座或总闸处断电，不要再碰它和插座，也别再用；被电到后手麻一直不消、胸口疼、心慌心跳乱、头晕或皮肤有灼伤，请马上就医或拨打当地急救电话${NUMBER_LISTS.zhHealth}。有人被电住时先断电，别直接用手去拉。`,
    eye: `请马上用流动的清水（温水）冲洗眼睛至少15分钟，别揉，戴隐形眼镜的先取下；冲洗后还疼、看东西模糊或睁不开，请马上去医院急诊或拨打当地急救电话${NUMBER_LISTS.zhHealth}。`,
    smallPart: `请先把掉下来的小零件和玩具收起来，放到孩子够不着的地方（三岁以下的孩子容易误吞、卡住喉咙），零件留着别扔；如果孩子可能吞了，或在咳嗽、喘不上气，请马上拨打当地急救电话${NUMBER_LISTS.zhHealth}。`,
    tipped: `请先照看被砸到的人：撞到头以后如果呕吐、犯困叫不醒、说话不清、头越来越痛或昏过去，请马上拨打当地急救电话${NUMBER_LISTS.zhHealth}或去急诊；怀疑伤到脖子或背部就不要挪动。它先别再用，放倒或固定在墙上之前别让孩子靠近。`,
    fall: '为了安全，请先停用它，让家人和楼下行人远离它的下方和周围，不要自己爬出去或站到高处去固定。',
    injury: '请先处理伤处：割伤用清水冲洗、按压止血；烫伤用凉水冲15分钟以上，水泡不要挑破；伤口深、一直流血或烫伤面积大，请马上就医。',
    cold: '冻伤请先把冻到的地方放进温水里（不烫手，约40℃）泡20分钟左右，不要搓揉，也不要用热水或火烤；起水泡、发紫发黑或一直没有知觉，请马上就医。剩下的干冰请戴手套拿到通风的地方让它自己挥发，别让孩子碰，也不要放进密闭的房间、车里或瓶子里。',
    air: `请马上让所有人离开那个房间，到空气新鲜的地方，打开门窗通风，先别再进去；方便的话把有味道或冒白气的东西拿到室外或通风的阳台。如果有人还头晕、胸闷、喘不上气或嘴唇发紫，请立即拨打急救电话${NUMBER_LISTS.zhHealth}。`,
    fraud: `请先停下：凡是让您在本店下单页面以外转账、扫码、开通“备用金”、点陌生链接或报验证码的，基本都是诈骗，退款会原路退回，不需要您做任何操作。请不要再付款、扫码或告诉对方验证码；如果已经付了钱或输入了验证码，请马上打银行卡背面的电话（或支付宝、微信客服）冻结，${NUMBER_LISTS.zhFraud}。`,
    spoiled: '有异味、变质或发霉的食物请不要再吃，煮熟煮透也不能保证安全。请拍下商品、包装和快递面单的照片留好，客服会按店里的售后规定为您处理。',
  },
  healthAdvice: '用法用量、能不能吃或用这类问题，需要医生或药师结合您的情况判断，我不能替您回答。正在为您转接人工客服，请稍候；如身体不适，请及时就医。',
  healthEmergency: `如果有人正有危险（呼吸困难、喉咙或脸肿起来、叫不醒、抽搐），或误服了药物、吃多了，请立即拨打当地急救电话${NUMBER_LISTS.zhHealth}或马上去最近的医院急诊；严重过敏的人身上有肾上腺素笔就先用上，误服的带上吃下去的东西或它的包装；宠物误食请马上联系宠物医院。正在为您优先转接人工客服。`,
  healthBattery: `误吞纽扣电池、磁铁，或卡针、针、碎玻璃这类尖的东西，即使看起来没事也要马上去医院急诊：它们可能在几小时内灼伤、压伤或刺破食道和肠道，开始时往往没有任何症状。请立即前往最近的急诊或拨打当地急救电话${NUMBER_LISTS.zhHealth}；不要催吐，把它的包装或同款的那一个带上；宠物误吞请马上联系宠物医院。正在为您优先转接人工客服。`,
  healthChoking: `如果噎住的人喘不上气、咳不出声或说不出话，请立即拨打当地急救电话${NUMBER_LISTS.zhHealth}，同时马上急救：1岁以上的孩子和大人，让他身体前倾，用掌根在两块肩胛骨之间用力拍背5下，再站到他身后，一手握拳放在肚脐上方，另一只手抱住拳头，向内向上快速冲击5下（海姆立克法），交替进行直到东西出来；1岁以下的婴儿，让他脸朝下趴在您的前臂上拍背5下，再翻过来用两根手指按压胸口正中5下。还能用力咳嗽就让他继续咳，不要用手指去抠。东西出来以后也请去医院检查。正在为您优先转接人工客服。`,
  healthHeadInjury: `请先让伤者躺下或坐着别动，可能伤到脖子或后背就不要搬动；用干净的布或纱布用力按住出血的地方。有下面任何一种情况，请立即拨打当地急救电话${NUMBER_LISTS.zhHealth}：晕过去过或叫不醒、呕吐、越来越困、糊涂或说话含糊、抽搐、血止不住、耳朵或鼻子流出血水。没有这些情况也请尽快去医院检查，接下来24小时要有人一直陪着。正在为您优先转接人工客服。`,
  healthDoctor: `请先停用。胸口疼、心跳很快、晕倒或呼吸困难，请立即拨打当地急救电话${NUMBER_LISTS.zhHealth}；孕期出血、服用后出血、血压突然升高、头晕得厉害，都需要马上就医，不要等。正在为您优先转接人工客服，请稍候。`,
  healthReaction: `请先停止使用。如果症状明显或在加重（比如呼吸困难、面部或喉咙肿胀），请立即就医或拨打当地急救电话${NUMBER_LISTS.zhHealth}。正在为您优先转接人工客服，请稍候。`,
  healthPet: '请先停止喂食或使用它（滴在或涂在身上的，用温水洗掉，别让它舔）。如果宠物一直呕吐、腹泻、没精神、不吃东西，或皮肤红肿在扩大、流口水、发抖，请尽快带它看宠物医生。正在为您优先转接人工客服，请稍候。',
  healthPetEmergency: '请马上联系宠物医院（夜里找24小时宠物急诊），它现在看着没事也要问：误食了电池、磁铁、干燥剂、猫砂、巧克力或药物，用药、打针以后发抖、站不稳，都要兽医马上看；不要自己给它催吐，把包装或剩下的东西带给医生。正在为您优先转接人工客服，请稍候。',
  foreignLanguage: '抱歉，我只看得懂中文和英文。请用中文或英文再说一次；需要人工客服请回复"人工"。',
  handoverNotUnderstood: '抱歉没能帮到您，正在为您转接人工客服，请稍候。',
  handoverWithdrawn: '好的，已为您取消转人工，我继续为您服务。需要人工时回复“转人工”即可。',
  queuedKept: '您的消息已经记下，人工客服上线后会按排队顺序回复您，不用重复发送。',
  queuedHealthAdvice: '用法用量、能不能吃或用、能不能和别的药一起吃这类问题，需要医生或药师结合您的情况判断，我不能替您回答；您的问题已经留给客服。如身体不适，请及时就医。',
  queuedNoted: '这条也记下了，客服上线后会一并回复您。',
  queuedComplaint: '非常抱歉给您带来不好的体验，已把您排到前面，人工客服上线后会优先处理。',
  notUnderstood: '抱歉，我没太理解您的意思。您可以问我：“我的快递到哪了”“退款进度”“怎么退货”，或回复“转人工”。',
  notSureOfferHuman: '这个问题我不太确定，需要为您转接人工客服吗？',
  otherLanguageEntry: (q, a) => `我找到的店铺说明是英文的（“${q}”）：${a}\n需要客服用中文为您解释的话，请回复“转人工”。`,
  otherLanguageNote: (n) => `店铺对此的说明是英文的：${n}`,
  inOtherLanguage: (n) => `（英文）${n.trim()}${/[.!?]$/.test(n.trim()) ? ' ' : ''}`,
  shipDayByRule: (day) => `按店铺的发货规则和付款时间算，这一单预计${day}发出。`,
  langSwitched: '好的，接下来我用中文为您服务。请问有什么可以帮您？',
  smallTalk: '这个我可不太在行😅 我是店铺的智能客服，可以帮您查物流、订单和退款进度，也能解答店铺的常见问题；需要真人客服的话，回复“转人工”就好。',
  identity: '我是店铺的智能客服机器人，可以帮您查物流、订单和退款进度，也能解答店铺的常见问题。需要真人客服的话，回复“转人工”就好。',
  faqPicked: (q, a) => `“${q}”：${a}`,
  confirmIntent: (i) => `您是想${zh.intentName[i] ?? '咨询这个问题'}吗？回复“是”继续，或者换个说法告诉我。`,
  confirmDeclined: '好的，请换个说法告诉我您想了解什么，或回复“转人工”。',
  cancelDeclined: '好的，订单不取消，会照常为您处理。还有什么可以帮您？',
  addressKept: '好的，地址不改，按原来的地址发货。还有什么可以帮您？',
  paidNotShown: '付款到账后订单状态一般几分钟内会更新。如果付款已成功但一直显示待付款，回复“转人工”请客服帮您核实。',
  humanDeclined: '好的，还有什么可以帮您？',
  pickByNumber: '请回复您想问的问题的序号，如“1”。',
  cannotRead: '抱歉，店铺的说明有些只有英文版，我没法翻译。需要为您转接人工客服用中文解释吗？',
  noOrders: '没有查到您在本店的订单。如果是用其他账号下的单，请用下单账号联系我们。',
  addressBeforeOrder: '下单时填写的收货地址就是送货地址，家里、公司或学校都可以；下单后、发货前如需修改地址，也可以联系我们。',
  noOrderWithId: (id) => `没有找到订单号为 ${id} 的订单，请核对订单号是否正确。`,
  noMatchingOrder: '没有找到符合条件的订单，请告诉我订单号，我来帮您查。',
  onlyCancelledOrders: '您在本店的订单都已取消。',
  // The count is of the orders listed (shipped ones for a parcel), not of all the buyer's: "您有 2 个订单" to a buyer with three was wrong (found from outside).
  chooseOrder: (i, n, task) => `请问要${task === 'reschedule' ? '改送货日期' : (zh.intentName[i] ?? '查询')}的是下面${n === 2 ? '两' : ` ${n} `}个订单中的哪一个？回复序号（如“第二个”）或订单号即可。`,
  choiceOutOfRange: (n) => `只有 ${n} 个订单可选，请回复 1-${n} 的序号或订单号。`,
  faqConfirm: (q) => `您是想问“${q}”吗？回复“是”查看答案，或者换个说法告诉我。`,
  faqWhich: (qs) => `您想问的是哪一个？\n${qs.map((q, i) => `${i + 1}. ${q}`).join('\n')}\n回复序号即可，或者换个说法告诉我。`,
  unavailable: (w) =>
    ({ orders: '订单信息暂时查不到，请稍后再试。', logistics: '物流信息暂时查不到，稍后再试。', aftersales: '售后信息暂时查不到，请稍后再试。', faq: '问题库暂时查不到，请稍后再试。' })[w],
  offerHumanShort: '需要的话可以回复“转人工”。',
  parcel: (p) => `您的订单 ${p.orderId}（${p.title}）由${p.carrier}承运，运单号 ${p.trackingNo}，当前${p.status}。${p.latest ? `最新物流：${p.latest}` : ''}`,
  parcelNoEvents: (p) => `您的订单 ${p.orderId} 已由${p.carrier}揽收，运单号 ${p.trackingNo}，物流信息还在更新中，请稍后再查。`,
  shippedNoLogistics: (id, title) => `您的订单 ${id}（${title}）已发货，物流信息还在同步中，请稍后再查。`,
  noTrackingLate: (d) => `发货已经 ${d} 天还没有物流信息，这不太正常。需要为您转接人工客服核实一下吗？`,
  notShippedYet: (id, title, status, promise) => `您的订单 ${id}（${title}）${status}，还没有物流信息。${promise}`,
  shipPromise: '现货一般付款后 48 小时内发出。',
  ahead: {
    pre_order: (a, by) => `${a && /预售|预定|预订/.test(a) ? '' : '这是预售商品，'}${a ? `${a}${/[。！!]$/.test(a) ? '' : '。'}` : '按商品页写明的时间发货。'}${by ? `按付款时间算，预计${by}前发出。` : ''}`,
    made_to_order: (a, by) => `${a && /定制|定做|订做|订制/.test(a) ? '' : '这是定制商品，'}${a ? `${a}${/[。！!]$/.test(a) ? '' : '。'}` : '按商品页写明的生产周期做好后发货。'}${by ? `按付款时间算，预计${by}前发出。` : ''}`,
  },
  etaShop: { paid: (a) => `还未发货。${a}`, pending_payment: (a) => `还未付款。${a}` },
  // Two days and more are told in days: "187 小时" was a sum for the buyer to do (found from outside).
  shipLate: (h) => `付款已经 ${h < 72 ? `${h} 小时` : `${Math.floor(h / 24)} 天`}还没有发货，比平常慢了。需要为您转接人工客服催一下吗？`,
  refundOfTroubled: (id) => `订单 ${id} 的包裹在运输途中出了问题（快递报了异常），这不是您的原因，不用您承担运费：正在为您转接人工客服处理退款或补发，请稍候。`,
  parcelTrouble: {
    stalled: (d) => `物流已经 ${d} 天没有更新了，可能有延误。需要为您转接人工客服跟进吗？`,
    exception: '物流出现异常，需要为您转接人工客服跟进吗？',
    lost: '非常抱歉，包裹在运输途中丢失了，让您久等了。正在为您优先转接人工客服，为您补发或退款。',
    pastDays: (w, p, working) => `从揽收到现在已经 ${w} ${working ? '个工作日' : '天'}，比店铺说的 ${p} ${working ? '个工作日' : '天'}要久，可能有延误。需要为您转接人工客服跟进吗？`,
  },
  carrierLine: (carrier, no) => `${carrier}承运，运单号 ${no}。`,
  splitParcels: (id, n) => `订单 ${id} 分 ${n} 个包裹发出：`,
  parcelLine: (n, carrier, no, said, latest) => `包裹 ${n}（${carrier}，运单号 ${no}）${said}${latest ? `最新物流：${latest}` : ''}`,
  parcelIs: (status) => `${status}。`,
  atPickupStatus: '已到自提点待取件',
  atPickupNote: '包裹已经到自提点（门店、智能柜或代收点）等您取件了，凭取件通知（取件码，或姓名和手机号）取件即可；超过保管期未取可能会被退回。',
  courierPhoneNotYet: '包裹还没开始派送，快递员的电话要等派送时才会出现在物流信息里；在那之前可以凭运单号联系快递公司。',
  pickupCodeLost: '取件码在快递公司或智能柜发给收件手机号的短信里；也可以在智能柜（如丰巢）或快递公司的 App、小程序里用收件手机号查到。还是找不到的话，需要为您转接人工客服协助吗？',
  orderStatus: (p) => `您的订单 ${p.orderId}（${p.title}）当前状态：${p.status}，金额 ${p.total}，下单时间 ${p.created}。`,
  latestEvent: (t) => `最新物流：${t}`,
  eta: (p) => `您的订单 ${p.orderId}（${p.title}）${p.estimate}`,
  etaUnsent: '还未发货，现货一般付款后 48 小时内发出。',
  etaFor: {
    out_for_delivery: '正在派送中，预计今天送达。',
    in_transit: '正在运输途中，一般 1-3 天送达。',
    pending: '已发货，等待快递揽收，揽收后一般 2-4 天送达。',
    delivered: '已经签收了。',
    at_pickup: '已经到自提点（门店、智能柜或代收点）等您取件了，凭取件通知（取件码，或姓名和手机号）取件即可；超过保管期未取可能会被退回。',
    exception: '物流出现异常，需要为您转接人工客服跟进吗？',
    paid: '还未发货，现货一般付款后 48 小时内发出，发出后 2-4 天送达。',
    pending_payment: '还未付款，付款后一般 48 小时内发货。',
    cancelled: '已取消，不会再发货。',
    unknown: '暂时无法估计送达时间。',
  },
  stalled: (d) => `物流已经 ${d} 天没有更新了，可能有延误。需要为您转接人工客服跟进吗？`,
  etaAbroad: {
    in_transit: '正在运输途中，跨境包裹的送达时间以承运商和清关为准。',
    pending: '已发货，等待快递揽收；跨境包裹的送达时间以承运商和清关为准。',
    paid: '还未发货，现货一般付款后 48 小时内发出；跨境包裹的送达时间以承运商和清关为准。',
    pending_payment: '还未付款，付款后一般 48 小时内发货；跨境包裹的送达时间以承运商和清关为准。',
  },
  chaseOffer: '我这边没法直接联系快递公司。需要为您转接人工客服，帮您向快递核实、催一下吗？',
  chaseHandover: '我这边没法直接联系快递公司，正在为您转接人工客服帮您向快递核实、催一下，请稍候。',
  moneyHandover: '金额和款项需要人工客服对照支付记录核实，正在为您转接人工客服，请稍候。',
  detailsHandover: '收到您发的信息，我这边没法直接处理，正在转给人工客服跟进，会在这里回复您。',

  cancelledWhy: '取消的原因我这边查不到（超时未付款、缺货或风控都可能导致取消）。需要为您转接人工客服核实一下吗？',
  cancelledBecause: (r) => `取消原因：${r.replace(/[。.！!]+$/, '')}。如有疑问，可以回复“转人工”。`,
  payBy: (at) => `请在 ${at} 前付款，超时订单会自动关闭。`,
  shipBy: (day) => `这一单预计${day}前发出。`,
  shipByPassed: (day) => `这一单原定${day}前发出，已经过了这个时间还没发出。`,
  shipDay: (day) => `按付款时间算，这一单预计${day}发出。`,
  titledShip: (from, by) => (from ? `商品标题写明${from}起发货，按付款先后陆续发出。` : `按商品标题，预计${by}前发出。`),
  urgeShipOffer: '我这边没法直接催仓库发货。需要为您转接人工客服，帮您催一下吗？',
  lateSorry: '抱歉让您久等了！包裹还在路上，我这边没法直接联系快递公司。需要为您转接人工客服，帮您向快递催一下吗？',
  urgentOffer: '了解您着急用！包裹还在路上，我这边没法直接联系快递公司。需要为您转接人工客服，帮您向快递催一下吗？',
  deliveredNotReceived: '物流显示已签收，但您还没有收到：可能放在了驿站、快递柜，或由家人、门卫代收，建议先看一下。需要为您转接人工客服联系快递核实吗？',
  partArrived: '这个订单只发了这一个包裹，物流显示已签收。如果收到的东西不全，需要为您转接人工客服核实一下吗？',
  arrangeOffer: '我这边没法直接帮您预约，需要为您转接人工客服安排吗？',
  ruleException: (x) => `店里的说明是：${x}您的情况具体能怎么处理，需要人工客服来看。需要为您转接吗？`,
  noteOffer: '我这边没法直接把这些备注到订单上。需要为您转接人工客服帮您记下吗？',
  engravingOffer: '刻字、定制内容我这边没法直接修改，需要在制作前由人工客服为您登记。需要为您转接人工客服吗？',
  bookedFor: (id, title, day) => `您的订单 ${id}（${title}）预约在 ${day} 送达，会按这个日期安排发出，不算延误。`,
  local: {
    due: (id, title, slot) => `您的订单 ${id}（${title}）是同城配送，不走快递，由骑手${slot ? `按预约在 ${slot} 送达` : '按下单时选择的送达日期和时段送达'}。`,
    late: '已经过了预约的送达时间还没送到，非常抱歉！需要为您转接人工客服马上跟进吗？',
    urge: '还在预约的送达时间内，骑手会按时送到。需要的话我帮您转接人工客服联系骑手，要转吗？',
  },
  digital: {
    pending: (id, title, terms) => `您的订单 ${id}（${title}）是虚拟商品，不走快递，目前还没有发放或到账。${terms}`,
    promise: '虚拟商品一般付款后几分钟内自动发放或到账，最长不超过 24 小时。',
    late: (h) => `付款已经 ${h < 72 ? `${h} 小时` : `${Math.floor(h / 24)} 天`}还没有到账，比平常慢了。需要为您转接人工客服查一下吗？`,
    sent: (id, title) => `您的订单 ${id}（${title}）是虚拟商品，已经发放（不走快递，没有物流信息）。`,
    findCode: '卡密、激活码一般在订单详情页查看。',
    findTopUp: '充值或会员会直接到下单时填写的号码或账号，请登录该账号查看。',
    check: '如果还没收到或用不了，需要为您转接人工客服核实一下吗？',
  },
  noAftersale: '没有查到您的售后申请。如需退换货，可以在订单详情页点“申请售后”。',
  noRequest: '没有查到您的售后申请。',
  noRequestFor: (id) => `订单 ${id} 没有售后申请。`,
  noAftersaleFor: (id) => `订单 ${id} 没有售后申请。如需退换货，可以在订单详情页点“申请售后”。`,
  aftersale: (p) => `您的${p.type}申请（订单 ${p.orderId}）当前状态：${p.status}${p.since ? `（${p.since}）` : ''}${p.goods ? '' : `，${p.amount ? `金额 ${p.amount}` : '金额以审核结果为准'}`}。${p.reason ? `原因：${sentence(p.reason, '。')}` : ''}${p.hint}`,
  aftersaleLate: (d) => `这一步已经 ${d} 天没有进展，比平常慢了。需要为您转接人工客服跟进吗？`,
  refundedLate: (d) => `这笔退款 ${d} 天前已经原路退回，超过了店铺说的到账时间。需要为您转接人工客服，帮您核实这笔退款吗？`,
  aftersaleChase: '抱歉让您久等了！需要为您转接人工客服，帮您核实一下吗？',
  aftersaleDue: (day) => `按店铺的时效，最晚${day}前完成，目前还在时间内。到时还没有的话，回复“转人工”请客服帮您核实。`,
  today: '今天',
  arrivalBy: {
    by: (day) => `按一般时效，${day}应该能送到，具体以快递派送为准。`,
    maybe: (day, last) => `${day}有可能送到，按一般时效最晚${last}左右送达，具体以快递派送为准。`,
    unlikely: (day, first, last) => `按一般时效，${day}恐怕还送不到，预计${first}到${last}之间送达。`,
    overdue: (day) => `包裹比一般时效慢了一些，${day}前能不能送到要看快递，我这边没法保证。需要的话回复“转人工”请客服帮您催一下。`,
    courierSame: (day) => `是的，按快递最新的信息，就是${day}送。`,
    courierEarlier: (asked, day) => `能，按快递最新的信息是${day}送，在${asked}之前。`,
    courierLater: (asked, day) => `按快递最新的信息是${day}送，${asked}恐怕还送不到。`,
  },
  aftersaleHint: {
    requested: '商家审核通过后，款项原路退回。',
    requested_goods: '商家审核通过后，请按售后页面的地址寄回商品。',
    approved_refund: '退款将原路退回，一般 1-3 个工作日到账。',
    approved_goods: '请按售后页面的地址寄回商品，并填写运单号。',
    rejected: '如对结果有疑问，可以回复“转人工”。',
    returning: '仓库签收后 1-3 个工作日内处理。',
    refunded: '款项已原路退回，银行卡一般 1-3 个工作日到账，余额即时到账。',
    closed: '该售后已关闭，如需帮助可以回复“转人工”。',
  },
  moneyHint: {
    requested_goods: '商家审核通过后，请按售后页面的地址寄回商品；仓库签收后处理，款项原路退回您付款的账户。',
    approved_refund: '款项原路退回您付款的账户，一般 1-3 个工作日到账，余额即时到账。',
    approved_goods: '请按售后页面的地址寄回商品，并填写运单号；仓库签收后处理，款项原路退回您付款的账户。',
    returning: '仓库签收后 1-3 个工作日内处理，之后款项原路退回您付款的账户，一般 1-3 个工作日到账。',
  },
  replacementHint: '换货的新商品会在仓库收到您寄回的商品后寄出，寄出后在售后页面可以查到新的运单号。',
  withdrawHow: '售后申请可以在对应订单的售后详情页点“撤销申请”自行撤销；商品已经寄回的，需要人工客服和仓库协调。需要为您转接人工客服处理吗？',
  withdrawRequest: (p) =>
    p.settled
      ? `您的${p.type}申请（订单 ${p.orderId}）当前状态：${p.status}，不需要再撤销了。`
      : p.shipped
        ? `您的${p.type}申请（订单 ${p.orderId}）当前${p.status}，商品已在寄回途中，撤销需要人工客服和仓库协调。需要为您转接人工客服吗？`
        : `您的${p.type}申请（订单 ${p.orderId}）当前${p.status}，我这边没法直接撤销：您可以在该订单的售后详情页点“撤销申请”，撤销后如需售后可以重新申请。需要为您转接人工客服处理吗？`,
  toExchange: (p) =>
    p.exchange
      ? `您的换货申请（订单 ${p.orderId}）当前${p.status}：要改换的尺码或颜色，需要人工客服在申请里修改。需要为您转接人工客服吗？`
      : p.kind === 'returning'
        ? `您的${p.type}申请（订单 ${p.orderId}）当前${p.status}，商品已在寄回途中：改成换货需要人工客服和仓库协调。需要为您转接人工客服吗？`
        : p.kind === 'refunded'
          ? `您的${p.type}申请（订单 ${p.orderId}）当前状态：${p.status}，没法再改成换货了：想要的尺码或颜色可以重新下单。需要帮忙的话回复“转人工”。`
          : p.kind === 'ended'
            ? `您的${p.type}申请（订单 ${p.orderId}）当前状态：${p.status}。想换货的话，可以在该订单的售后页面重新申请“换货”，选好要换的尺码或颜色。需要帮忙的话回复“转人工”。`
            : `好的。您的${p.type}申请（订单 ${p.orderId}）当前${p.status}，我这边没法直接改成换货：请先在该订单的售后详情页点“撤销申请”，再申请“换货”并选好要换的尺码或颜色。需要为您转接人工客服处理吗？`,
  exchangeHow: '换货可以在订单的售后页面申请“换货”，选好要换的尺码或颜色，审核通过后按页面地址寄回，仓库收到后发出新的。需要帮忙的话回复“转人工”。',
  returnWaybill: (no, id) => `好的，寄回的运单号是 ${no}。我这边看不到退货包裹有没有到仓库：仓库签收后，订单 ${id} 的售后页面会更新。还没填的话，请在那里填写这个运单号。填写不了，或者物流已经显示签收但售后还没更新的话，需要为您转接人工客服登记吗？`,
  cancelAskedBefore: (id) => `订单 ${id} 已经申请过退款，不用重复申请，进度如下：`,
  addItems: (id, open) =>
    open
      ? `订单 ${id} 还未发货，但已下的订单我这边没法加商品：想要的可以另下一单，或回复“转人工”请客服看看能否和这单一起发。`
      : `订单 ${id} 已经发出，没法再加商品了，想要的请另下一单。需要人工帮忙的话回复“转人工”。`,
  specUnshipped: (id) => `订单 ${id} 还未发货，下单后的尺码、颜色我这边没法直接修改：可以在订单页申请取消后重新下单，或回复“转人工”请客服看看仓库打包前能否帮您改。`,
  specNoCancel: (id, rule) => `订单 ${id} 还未发货，下单后的尺码、颜色我这边没法直接修改。店里的说明是：${rule}${/[。！!]$/.test(rule) ? '' : '。'}能不能帮您改，需要人工客服看看，需要为您转接吗？`,
  specShipped: (id, got) => `订单 ${id} 已经${got ? '签收' : '发出'}，尺码、颜色不能再改了：${got ? '' : '收到后'}可以在订单页申请换货。需要的话回复“转人工”。`,
  addressOnOrder: (id, a, n) => `订单 ${id} 的收货地址是：${a}${n ? `，收货人 ${n}` : ''}（门牌号等数字已隐去）。需要修改的话告诉我。`,
  specCancelled: (id) => `订单 ${id} 已经取消了，没有可以修改的尺码、颜色；需要的话请按想要的规格重新下单。有其他订单要换的话，告诉我订单号。`,
  cancelShop: {
    pending_payment: (id, a, by) => `订单 ${id} 还未付款${by ? `：不付款的话 ${by} 后会自动关闭，不会扣款` : ''}。${a}`,
    paid: (id, a) => `订单 ${id} 还未发货。${a}需要人工帮您处理的话请回复“转人工”。`,
  },
  cancelSent: {
    shipped: (id, a) => `订单 ${id} 已经发货，无法直接取消。店铺的退货说明：${a}需要人工帮您处理的话请回复“转人工”。`,
    delivered: (id, a) => `订单 ${id} 已签收。店铺的退货说明：${a}需要人工帮您处理的话请回复“转人工”。`,
  },
  refuseDelivery: (id) => `订单 ${id} 可以拒收：快递派送时直接拒签（或在驿站办理拒收），包裹退回仓库后退款会原路退回，以店铺的售后说明为准。需要人工帮您跟进的话，回复“转人工”。`,
  unpaidTimeout: (id, n = 0, by) =>
    id && by
      ? `订单 ${id} 还未付款，请在 ${by} 前付款；超时订单会自动关闭，不会扣款。`
      : id
      ? `订单 ${id} 还未付款。未付款的订单超时会自动关闭，不会扣款；剩余付款时间以订单详情页的倒计时为准，想要的话请在倒计时结束前付款。`
      : `未付款的订单超时会自动关闭，不会扣款；剩余付款时间以订单详情页的倒计时为准。${n === 0 ? '您目前没有待付款的订单。' : `您有 ${n} 个待付款的订单，各自的倒计时在订单详情页。`}`,
  cancelDigital: (id) => `订单 ${id} 是虚拟商品，已经发放，一般不能取消或无理由退款，以店铺的说明为准。如果充错了号码、没到账或用不了，需要为您转接人工客服核实一下吗？`,
  cancel: {
    pending_payment: (id) => `订单 ${id} 还未付款，您可以在订单详情页直接点“取消订单”。`,
    paid: (id) => `订单 ${id} 还未发货，可以在订单详情页点“申请退款”取消，款项原路退回。需要人工帮您处理的话请回复“转人工”。`,
    shipped: (id) => `订单 ${id} 已经发货，无法直接取消。您可以拒收，或签收后申请退货退款。`,
    delivered: (id) => `订单 ${id} 已签收，如不需要可以在订单详情页申请退货（支持 7 天无理由）。`,
    cancelled: (id, why) =>
      !why ? `订单 ${id} 已经取消了，款项会原路退回。` : neverPaid(why) ? `订单 ${id} 已经取消了（取消原因：${why}），这一单没有付款，不会扣款。` : `订单 ${id} 已经取消了（取消原因：${why}），已付的款项会原路退回。`,
  },
  changeAddress: {
    editable: (id, name, phone) => `订单 ${id} 还未发货，可以在订单详情页修改收货地址。${zhWho(name, phone)}需要人工协助请回复“转人工”。`,
    editableShop: (id, a, name, phone) => `订单 ${id} 还未发货。${a}${zhWho(name, phone)}需要人工协助请回复“转人工”。`,
    shipped: (id, carrier, no) => `订单 ${id} 已发货，地址无法在线修改${carrier ? `，可联系${carrier}（运单号 ${no}）改派` : ''}，或回复“转人工”协助处理。`,
    shippedShop: (id, a) => `订单 ${id} 已发货。${a}${/[。！!]$/.test(a) ? '' : '。'}需要人工协助请回复“转人工”。`,
    closed: (id, status) => `订单 ${id} ${status}，地址已无法修改。`,
    reschedule: (id, a) => `${a ? `${a}${/[。！!]$/.test(a) ? '' : '。'}` : `订单 ${id} 的送货日期我这边改不了：快递或物流送货前一般会联系您，可以直接和送货员约时间。`}需要为您转接人工客服帮您改约吗？`,
    given: (id) => `收到您的新地址。订单 ${id} 还未发货，我这边没法直接修改：您可以在订单详情页自行修改，或者由人工客服按您发的地址帮您改。需要为您转接人工客服吗？`,
    givenShipped: (id, carrier, no) => `收到您的新地址。订单 ${id} 已发货，我这边没法改派${carrier ? `：人工客服可以按您发的地址联系${carrier}（运单号 ${no}）改派，改派可能产生费用、以快递为准` : '，人工客服可以按您发的地址帮您联系快递改派'}。需要为您转接人工客服吗？`,
  },
  policy: {
    return_policy: '本店支持 7 天无理由退换货（商品不影响二次销售）。请在订单详情页点“申请售后”，选择退货或换货，审核通过后按页面地址寄回即可。',
    invoice: '确认收货后，在订单详情页点“申请开票”即可开具电子发票，支持个人和公司抬头。',
    coupon: '可在店铺首页领取优惠券，下单时自动抵扣；当前活动以商品详情页为准。',
  },
  policyUnknown: {
    return_policy: '店铺的退换货规则我这边没有查到，请以商品详情页的说明为准；需要的话回复“转人工”，请客服为您确认。',
    invoice: '店铺的开票方式我这边没有查到，请以订单详情页的说明为准；需要的话回复“转人工”，请客服为您确认。',
    coupon: '店铺的优惠活动我这边没有查到，请以商品详情页显示的为准；需要的话回复“转人工”，请客服为您确认。',
  },
  policyTrouble: {
    invoice: '抬头和税号请在订单详情页“申请开票”时填写，我这边没法直接开票。需要人工按您发的信息代为申请的话，回复“转人工”。',
    coupon: ZH_COUPON_TROUBLE,
    return_policy: '很抱歉给您添麻烦了！发错、少发，或收到的商品损坏、有质量问题，回复“转人工”客服会优先为您处理；也可以在订单详情页点“申请售后”并上传照片。',
  },
  // Beside the shop's own entry: only the way to a person (the usual causes and "I can't issue it"
  // read as a second policy beside the shop's, and contradicted it: found from outside).
  policyTroubleShort: {
    invoice: '需要人工按您发的信息代为申请的话，回复“转人工”。',
    coupon: '按上面的说明核对后还是没减的话，回复“转人工”帮您核实。',
    return_policy: '很抱歉给您添麻烦了！发错、少发，或收到的商品损坏、有质量问题，回复“转人工”客服会优先为您处理。',
  },
  returnWindow: {
    passed: (id, day, days, n) => `订单 ${id} 是 ${day}签收的，到今天已经 ${days} 天，过了 ${n} 天的退换期。商品有质量问题的，回复“转人工”请客服为您处理。`,
    open: (id, day, until, n) => `订单 ${id} 是 ${day}签收的，${n} 天的退换期到 ${until}为止。`,
  },
  intentName: {
    track_parcel: '查询物流',
    order_status: '查询订单状态',
    delivery_estimate: '了解送达时间',
    aftersale_progress: '查询退款/售后进度',
    return_policy: '了解退换货',
    cancel_order: '取消订单',
    change_address: '修改收货地址',
    invoice: '开发票',
    coupon: '了解优惠活动',
    human: '转人工客服',
    complaint: '投诉',
    faq: '咨询店铺问题',
  },
};

const en: Texts = {
  greeting: "Hi! I'm the shop's assistant. I can track your parcel, check your order or refund, and answer questions about shipping, returns and invoices. How can I help?",
  bye: "You're welcome! Happy shopping, and message me any time.",
  farewell: 'Goodbye, and happy shopping! Message me any time.',
  noted: 'Great. Message me any time if anything else comes up.',
  leaving: "I'm sorry we couldn't help this time. If you like, I can get a human agent to sort it out with you. Shall I?",
  praised: 'Thank you, that means a lot! Enjoy your order, and message me any time.',
  etaShipped: { in_transit: (e) => `is in transit. ${e}`, pending: (e) => `has shipped and is waiting for the courier to pick it up. ${e}` },
  gasFirst: `For safety, turn the gas off now (the stove, grill or heater, the main valve, or the tank's or canister's valve, and take a canister off), open the windows and doors, don't switch anything electrical on or off or light anything, and keep everyone away from it; if the smell stays, call your gas company or the emergency number ${NUMBER_LISTS.enFire}.`,
  returningThen: (e) => `It is processed once the warehouse receives it. ${e}`,
  handoverRequested: 'Sure, connecting you to a human agent now. Please hold on.',
  handoverComplaint: "I'm very sorry about your experience. I'm connecting you to a human agent with priority.",
  doubleCharge: 'A double charge needs a person to check it against the payment records: please have screenshots of both charges (time and amount) ready; anything charged twice goes back to your payment method once checked.',
  chargedAfterCancel: 'A charge after you cancelled needs a person to check it against your subscription and payment records: please have a screenshot of the charge (time and amount) ready, and when you cancelled or the confirmation you got.',
  safetyFirst: `For safety, please stop using it and unplug it now, keep it away from anything flammable, and do not charge, open or pour water on it; if it smokes or catches fire, keep away and call the fire service ${NUMBER_LISTS.enFire}.`,
  batteryDisposal: "Please don't put a swollen, hot or damaged battery in the household bin, and don't post it back yourself: keep it somewhere cool, away from anything flammable (a metal tin or a container of sand is best); the agent will tell you how the replacement or return works, and then it goes to a battery recycling point.",
  hazardFirst: {
    fire: `Please get everyone out of there now, closing the doors behind you, and call the fire service ${NUMBER_LISTS.enFire} once you are safe; don't go back in for anything, and never pour water on an electrical or cooking-oil fire. Only if it is small and safe to do so, unplug it or smother it (a fire blanket, a damp towel, an extinguisher).`,
    broke: `For safety, stop using it now: don't ride, push, sit or stand on it again. If anyone was hurt, see to them first and get medical help if it is serious (your local emergency number ${NUMBER_LISTS.enHealth}). Keep the broken parts and the packaging, and take photos.`,
    shock: `Please switch it off at the wall or the mains first, and don't touch it, the socket or the plug again or use it. After a shock, numbness or tingling that doesn't go away, chest pain, a racing or uneven heart, dizziness or a burn on the skin need a doctor now: call your local emergency number ${NUMBER_LISTS.enHealth}. If someone is still stuck to it, cut the power first; don't pull them off with your hands.`,
    eye: `Please rinse the eye now with lukewarm running water for at least 15 minutes, don't rub it, and take out contact lenses; if it still hurts, vision is blurry or it won't open, go to the emergency department or call your local emergency number ${NUMBER_LISTS.enHealth} or a poison control centre ${NUMBER_LISTS.enPoison}.`,
    smallPart: `Please put the broken-off piece and the toy out of the child's reach now (small parts are a choking hazard for under-3s), and keep the pieces; if they may have swallowed one, or are coughing or struggling to breathe, call your local emergency number ${NUMBER_LISTS.enHealth} now.`,
    tipped: `Please see to whoever it hit first: after a knock to the head, call your local emergency number ${NUMBER_LISTS.enHealth} or go to the emergency department now if they vomit, are drowsy or hard to wake, confused, have a headache that gets worse or passed out; don't move them if the neck or back may be hurt. Don't use it again, and keep children away from it until it is laid down or anchored to the wall.`,
    fall: "For safety, stop using it for now and keep everyone away from below and around it; please don't climb out or up to fix it yourself.",
    injury: "Please look after the injury first: for a cut, rinse it and press on it to stop the bleeding; for a burn, cool it under running water for 15 minutes and don't pop any blisters; see a doctor if it is deep, keeps bleeding or the burn is large.",
    cold: "For a dry-ice burn, put the skin it touched in warm, not hot, water (about 40°C) for around 20 minutes and don't rub it; see a doctor if it blisters, turns purple or black, or stays numb. Handle what is left of the dry ice with gloves and let it vanish somewhere airy, away from children, never in a closed room, a car or a sealed container.",
    air: `Please get everyone out into fresh air now and open the windows and doors; don't go back in for a while, and if you can, move whatever gives off the smell or vapour outside or somewhere airy. If anyone is still dizzy, short of breath, wheezing or has blue lips, call your emergency number now ${NUMBER_LISTS.enAir}.`,
    fraud: `Please stop: anyone asking you to pay by bank transfer, gift card or crypto, to scan a code or click a link, or to share a card number or a one-time code outside this shop's own checkout is almost certainly a scammer, and refunds go back to how you paid without you doing anything. Don't pay or share anything more. If you have already paid or shared details, call your bank now to stop it and report it to the police${NUMBER_LISTS.enFraud}.`,
    spoiled: "Please don't eat or drink anything that smells off, has gone bad or shows mould: cooking it through doesn't make it safe. Take photos of the item, its packaging and the shipping label, and an agent will sort it out under the shop's after-sales rules.",
  },
  healthAdvice: "How much to take, or whether it is safe for you, needs a doctor or pharmacist who knows your situation: I can't answer that for you. I'm connecting you to an agent now; if you feel unwell, please see a doctor.",
  healthEmergency: `If someone is in danger now (trouble breathing, a swollen throat or face, won't wake up, a seizure) or may have swallowed medicine or too much of it, call your local emergency number right away ${NUMBER_LISTS.enHealth} or a poison control centre ${NUMBER_LISTS.enPoison}; with a severe allergic reaction, use their adrenaline pen (EpiPen) if they have one, and keep whatever was swallowed or its package at hand; for a pet, call your vet now. I'm connecting you to an agent first in line.`,
  healthBattery: `A swallowed button battery, magnet or sharp thing (a pin, a needle, a SIM tool, bits of glass) needs the emergency department now, even if they seem fine: it can burn, pinch or pierce the throat or gut within hours, often with no signs at first. Go to the nearest emergency department or call your local emergency number right away ${NUMBER_LISTS.enHealth} or a poison control centre ${NUMBER_LISTS.enPoison}; don't make them vomit, and bring the package or one like it; for a pet, call your vet now. I'm connecting you to an agent first in line.`,
  healthChoking: `If they can't breathe, cough or speak, call your local emergency number now ${NUMBER_LISTS.enHealth} and start first aid: for a child over 1 or an adult, lean them forward and give up to 5 firm back blows between the shoulder blades with the heel of your hand, then up to 5 abdominal thrusts (stand behind them, a fist just above the belly button, pull sharply in and up), and keep going until it comes out; for a baby under 1, lay them face down along your forearm for 5 back blows, then turn them over for 5 chest thrusts with two fingers in the middle of the chest. If they can still cough hard, let them keep coughing, and don't put your fingers in their mouth. Once it is out, have a doctor check them. I'm connecting you to an agent first in line.`,
  healthHeadInjury: `Keep them still, lying or sitting down, and don't move them if their neck or back may be hurt; press a clean cloth firmly on any bleeding. Call your local emergency number now ${NUMBER_LISTS.enHealth} if they were knocked out or won't wake up, are vomiting, getting drowsy or confused, slurring, having a fit, bleeding that won't stop, or have fluid coming from an ear or the nose. Even without these, have a doctor check them soon, and keep someone with them for the next 24 hours. I'm connecting you to an agent first in line.`,
  healthDoctor: `Please stop taking it. Chest pain, a racing heart, fainting or trouble breathing: call your local emergency number now ${NUMBER_LISTS.enHealth}. Bleeding in pregnancy or after taking it, blood pressure shooting up or severe dizziness need a doctor straight away, don't wait. I'm connecting you to an agent first in line now.`,
  healthReaction: "Please stop using it now. If it is severe or getting worse (trouble breathing, swelling of the face or throat), get medical help right away. I'm connecting you to an agent first in line now.",
  healthPet: "Please stop feeding or using it for now (anything put on the skin or coat: wash it off with lukewarm water and stop them licking it). If your pet keeps vomiting, has diarrhoea, seems weak, won't eat, or the redness spreads, or they drool or tremble, call your vet right away. I'm connecting you to an agent first in line now.",
  healthPetEmergency: "Please call your vet or an emergency vet now, even if your pet seems fine: something it swallowed (a battery, a magnet, desiccant, litter, chocolate, medicine), or trembling or wobbling after a dose or an injection, needs a vet straight away; don't make it vomit yourself, and take the packet or what is left with you. I'm connecting you to an agent first in line now.",
  foreignLanguage: 'Sorry, I can only read English and Chinese. Could you ask again in English? Or say "human" and I\'ll get you a person.',
  handoverNotUnderstood: "Sorry I couldn't help. I'm connecting you to a human agent now.",
  handoverWithdrawn: 'OK, I have cancelled the transfer to a person and will carry on helping you. Say "human" whenever you want one.',
  queuedKept: "Your message is saved: our team will reply in queue order when they are online, no need to send it again.",
  queuedHealthAdvice: "How much to take, whether it is safe for you, or whether it goes with another medicine needs a doctor or pharmacist who knows your situation: I can't answer that for you. Your question is kept for our team; if you feel unwell, please see a doctor.",
  queuedNoted: 'Noted as well: our team will answer it with the rest.',
  queuedComplaint: "I'm sorry about this. You've been moved up the queue, and our team will see to you first when they are online.",
  notUnderstood: "Sorry, I didn't quite get that. You can ask me things like \"where is my package\", \"refund status\" or \"how do I return this\", or say \"human\".",
  notSureOfferHuman: "I'm not sure about that one. Would you like me to connect you to a human agent?",
  otherLanguageEntry: (q, a) => `The shop's answer I found is in Chinese ("${q}"): ${a}\nSay "human" if you'd like an agent to explain it in English.`,
  otherLanguageNote: (n) => `The shop's note on this is in Chinese: ${n}`,
  inOtherLanguage: (n) => `(in Chinese) ${n}`,
  shipDayByRule: (day) => `Going by the shop's dispatch rules and when it was paid, it should go out on ${day}.`,
  langSwitched: "Sure, I'll reply in English from now on. How can I help?",
  smallTalk: "That's not my strong suit 😅 I'm the shop's assistant: I can track parcels, check orders and refunds, and answer questions about the shop. If you'd like a real person, just say \"human\".",
  identity: "I'm the shop's automated assistant: I can track parcels, check orders and refunds, and answer questions about the shop. If you'd like a real person, just say \"human\".",
  faqPicked: (q, a) => `"${q}" ${a}`,
  confirmIntent: (i) => `Do you want to ${en.intentName[i] ?? 'ask about this'}? Reply "yes" to go on, or tell me in other words.`,
  confirmDeclined: 'OK, please tell me in other words what you need, or say "human".',
  cancelDeclined: 'OK, nothing is cancelled: the order stays as it is. Anything else I can help with?',
  addressKept: 'OK, the address stays as it is. Anything else I can help with?',
  paidNotShown: 'A payment usually shows on the order within a few minutes. If it went through and the order still says awaiting payment, say "human" and an agent will check.',
  humanDeclined: 'OK, what else can I help with?',
  pickByNumber: 'Please reply with the number of the question you mean, e.g. "1".',
  cannotRead: "Sorry: some of the shop's answers are written in Chinese only, and I can't translate them. Shall I get a human agent to explain it in English?",
  noOrders: "I can't find any orders from you in this shop. If you ordered with another account, please contact us from that account.",
  addressBeforeOrder: 'We deliver to the address you enter at checkout: home, office or anywhere else. Once you have ordered, it can still be changed until the order ships.',
  noOrderWithId: (id) => `I can't find an order numbered ${id}. Please check the number.`,
  noMatchingOrder: "I can't find a matching order. Tell me the order number and I'll check it.",
  onlyCancelledOrders: 'All your orders in this shop were cancelled.',
  chooseOrder: (i, n, task) => `Which of these ${n} orders should I look at to ${task === 'reschedule' ? 'change the delivery day' : (en.intentName[i] ?? 'help you')}? Reply with its number (e.g. "the 2nd one") or the order number.`,
  choiceOutOfRange: (n) => `There are only ${n} orders to choose from. Reply with a number from 1 to ${n} or the order number.`,
  // A stored question ends with its own question mark: not doubled ("…grain-free?"?).
  faqConfirm: (q) => `Did you mean "${q}"${/[?？]$/.test(q.trim()) ? '' : '?'} Reply "yes" for the answer, or ask in other words.`,
  faqWhich: (qs) => `Which of these did you mean?\n${qs.map((q, i) => `${i + 1}. ${q}`).join('\n')}\nReply with its number, or ask in other words.`,
  unavailable: (w) =>
    ({
      orders: "I can't reach the order system right now. Please try again in a moment.",
      logistics: "I can't get tracking details right now. Please try again later.",
      aftersales: "I can't reach the after-sales system right now. Please try again in a moment.",
      faq: "I can't reach the shop's answers right now. Please try again in a moment.",
    })[w],
  // Always after a sentence of its own ("…try again in a moment. Say …"): found run together.
  offerHumanShort: ' Say "human" if you want an agent.',
  parcel: (p) => `Your order ${p.orderId} (${p.title}) is with ${p.carrier}, tracking number ${p.trackingNo}, currently ${p.status}.${p.latest ? ` Latest update${HAN.test(p.latest) ? ' (in the carrier\'s words)' : ''}: ${p.latest}` : ''}`,
  parcelNoEvents: (p) => `Your order ${p.orderId} was handed to ${p.carrier}, tracking number ${p.trackingNo}. Tracking updates will show up soon.`,
  shippedNoLogistics: (id, title) => `Your order ${id} (${title}) has shipped; tracking details are still syncing, please check again later.`,
  noTrackingLate: (d) => `It shipped ${d} day${d === 1 ? '' : 's'} ago and still has no tracking, which is unusual. Shall I get a human agent to check?`,
  notShippedYet: (id, title, status, promise) => `Your order ${id} (${title}) is ${status}, so there is no tracking yet. ${promise}`,
  shipPromise: 'In-stock items ship within 48 hours of payment.',
  ahead: {
    pre_order: (a, by) => `It is a pre-order: ${a ? `${a}${/[.!]$/.test(a) ? '' : '.'}` : 'it ships on the date its product page gives.'}${by ? ` Counting from payment, it should ship by ${by}.` : ''}`,
    made_to_order: (a, by) => `It is made to order: ${a ? `${a}${/[.!]$/.test(a) ? '' : '.'}` : 'it ships once made, in the time its product page gives.'}${by ? ` Counting from payment, it should ship by ${by}.` : ''}`,
  },
  etaShop: { paid: (a) => `hasn't shipped yet. ${a}`, pending_payment: (a) => `isn't paid yet. ${a}` },
  shipLate: (h) => `It was paid ${h < 72 ? `${h} hours` : `${Math.floor(h / 24)} days`} ago and has not shipped yet, later than usual. Shall I get a human agent to chase it?`,
  refundOfTroubled: (id) => `The carrier reports a problem with order ${id}'s parcel on its way, which is not down to you, so you pay no return postage: I'm getting a human agent to arrange your refund or a replacement now.`,
  parcelTrouble: {
    stalled: (d) => `Its tracking has not moved for ${d} day${d === 1 ? '' : 's'}, so it may be delayed. Shall I get a human agent to follow up?`,
    exception: 'The carrier reports a delivery problem. Shall I get a human agent to follow up?',
    lost: "I'm very sorry: the carrier reports the parcel lost on its way, after all this wait. I'm connecting you to an agent first in line to resend it or refund you.",
    pastDays: (w, p, working) => `It has been on its way for ${w} ${working ? 'business ' : ''}day${w === 1 ? '' : 's'} since the courier picked it up, longer than the ${p} ${working ? 'business ' : ''}day${p === 1 ? '' : 's'} the shop gives, so it may be delayed. Shall I get a human agent to follow up?`,
  },
  carrierLine: (carrier, no) => ` Carrier ${carrier}, tracking number ${no}.`,
  splitParcels: (id, n) => `Order ${id} was shipped in ${n} parcels:`,
  parcelLine: (n, carrier, no, said, latest) => `Parcel ${n} (${carrier}, tracking number ${no}) ${said}${latest ? ` Latest update${HAN.test(latest) ? " (in the carrier's words)" : ''}: ${latest}` : ''}`,
  parcelIs: (status) => `is ${status}.`,
  atPickupStatus: 'waiting at the pickup point',
  atPickupNote: 'It is waiting for you at the pickup point (a store, locker or post office): collect it with the code or notice you were sent; uncollected parcels may be sent back after the holding period.',
  courierPhoneNotYet: "The parcel is not out for delivery yet: the courier's number shows in the tracking once it is. Until then you can contact the carrier with the tracking number.",
  pickupCodeLost: "The pickup code is in the text message the carrier or the locker sent to the receiver's phone; their app or website also shows it for that phone number. If you still can't find it, shall I get a human agent to help?",
  orderStatus: (p) => `Your order ${p.orderId} (${p.title}) is ${p.status}. Total ${p.total}, placed ${p.created}.`,
  // After a sentence of its own: the space keeps "…1-3 days. Latest update:" apart (found from outside).
  latestEvent: (t) => ` Latest update${HAN.test(t) ? " (in the carrier's words)" : ''}: ${t}`,
  eta: (p) => `Your order ${p.orderId} (${p.title}) ${p.estimate}`,
  etaUnsent: "hasn't shipped yet. In-stock items ship within 48 hours of payment.",
  etaFor: {
    out_for_delivery: 'is out for delivery and should arrive today.',
    in_transit: 'is in transit and usually arrives within 1-3 days.',
    pending: 'has shipped and is waiting for the courier to pick it up; delivery usually takes 2-4 days after that.',
    delivered: 'has already been delivered.',
    at_pickup: 'is waiting for you at the pickup point (a store, locker or post office): collect it with the code or notice you were sent; uncollected parcels may be sent back after the holding period.',
    exception: 'has a delivery problem. Shall I get a human agent to follow up?',
    paid: "hasn't shipped yet. In-stock items ship within 48 hours of payment and arrive 2-4 days later.",
    pending_payment: "isn't paid yet. It ships within 48 hours of payment.",
    cancelled: 'was cancelled and will not ship.',
    unknown: "can't be estimated right now.",
  },
  stalled: (d) => `has had no tracking update for ${d} day${d === 1 ? '' : 's'} and may be delayed. Shall I get a human agent to follow up?`,
  etaAbroad: {
    in_transit: 'is in transit; a cross-border delivery depends on the carrier and customs.',
    pending: 'has shipped and is waiting for the courier to pick it up; a cross-border delivery depends on the carrier and customs.',
    paid: "hasn't shipped yet. In-stock items ship within 48 hours of payment; a cross-border delivery depends on the carrier and customs.",
    pending_payment: "isn't paid yet. It ships within 48 hours of payment; a cross-border delivery depends on the carrier and customs.",
  },
  chaseOffer: "I can't contact the carrier myself. Shall I get a human agent to check with them and chase it for you?",
  chaseHandover: "I can't contact the carrier myself, so I'm connecting you to a human agent to check with them and chase it for you. Please hold on.",
  moneyHandover: "A person needs to check amounts and payments against the records, so I'm connecting you to a human agent now. Please hold on.",
  detailsHandover: "Thanks, I've got your details. I can't act on them myself, so I'm passing them to a colleague, who will confirm here.",

  cancelledWhy: "I can't see why it was cancelled (an unpaid order timing out, an item out of stock or a risk check can each cancel one). Shall I get a human agent to check?",
  cancelledBecause: (r) => `The reason given: ${r.replace(/[。.！!]+$/, '')}. Say "human" if you have a question about it.`,
  payBy: (at) => ` Please pay by ${at}; after that the order closes by itself.`,
  shipBy: (day) => `It is due to be sent out by ${day}.`,
  shipByPassed: (day) => `It was due to be sent out by ${day}, and that has passed without it going out.`,
  shipDay: (day) => `Going by when it was paid, it should go out on ${day}.`,
  titledShip: (from, by) => (from ? `Its title says it ships from ${from}; orders go out in turn from then.` : `Going by its title, it should ship by ${by}.`),
  urgeShipOffer: "I can't hurry the warehouse myself. Shall I get a human agent to chase the shipping for you?",
  lateSorry: "Sorry for the wait! The parcel is still on its way, and I can't contact the carrier myself. Shall I get a human agent to chase it for you?",
  urgentOffer: "I understand you need it soon! The parcel is still on its way, and I can't contact the carrier myself. Shall I get a human agent to chase it for you?",
  deliveredNotReceived: 'Tracking says it was delivered, but you have not received it: it may be at a pickup point or in a parcel locker, or a neighbour or reception may have taken it. Shall I get a human agent to check with the carrier?',
  partArrived: 'This order shipped as this one parcel, and it is tracked as delivered. If something is missing from it, shall I get a human agent to check?',
  arrangeOffer: 'I can\'t book it myself. Shall I get a human agent to arrange it?',
  ruleException: (x) => `The shop's answer says: ${x} What can be done in your case is for a human agent to decide. Shall I get one?`,
  noteOffer: "I can't add notes to the order myself. Shall I get a human agent to note it for you?",
  engravingOffer: "I can't change the engraving or personalisation myself: an agent needs to record it before the item is made. Shall I get a human agent for you?",
  bookedFor: (id, title, day) => `Your order ${id} (${title}) is booked for delivery on ${day}: it will be sent out in time for that day, so it isn't late.`,
  local: {
    due: (id, title, slot) => `Your order ${id} (${title}) is a local delivery with no courier: our rider brings it ${slot ? `on ${slot}` : 'on the day and in the time slot chosen at checkout'}.`,
    late: 'Its delivery time has passed and it has not arrived, we are very sorry! Shall I get a human agent to follow it up right away?',
    urge: 'It is still within its delivery time and the rider will bring it on time. If you like, a human agent can contact the rider; shall I get one?',
  },
  digital: {
    pending: (id, title, terms) => `Your order ${id} (${title}) is a digital item with no parcel, and it has not been sent or credited yet. ${terms}`,
    promise: 'Digital items are usually sent or credited within minutes of payment, at most 24 hours.',
    late: (h) => `It was paid ${h < 72 ? `${h} hours` : `${Math.floor(h / 24)} days`} ago and has not arrived yet, later than usual. Shall I get a human agent to check it?`,
    sent: (id, title) => `Your order ${id} (${title}) is a digital item and has been sent (no parcel, so no tracking).`,
    findCode: 'Codes and keys are shown on the order details page.',
    findTopUp: 'Top-ups and memberships go straight to the number or account given with the order; please check there.',
    check: "If it hasn't come or doesn't work, shall I get a human agent to check?",
  },
  noAftersale: "I can't find any return or refund request from you. To request one, open the order and tap \"After-sales\".",
  noRequest: "I can't find any return or refund request from you.",
  noRequestFor: (id) => `Order ${id} has no return or refund request.`,
  noAftersaleFor: (id) => `Order ${id} has no return or refund request. To request one, open the order and tap "After-sales".`,
  aftersale: (p) => `Your ${p.type} request (order ${p.orderId}) is ${p.status}${p.since ? ` (since ${p.since})` : ''}${p.goods ? '' : `, ${p.amount ? `amount ${p.amount}` : 'amount to be confirmed on review'}`}. ${p.reason ? `Reason given: ${sentence(p.reason, '.')} ` : ''}${p.hint}`,
  aftersaleLate: (d) => `It has been ${d} day${d === 1 ? '' : 's'} at this step, longer than usual. Shall I get a human agent to follow up?`,
  refundedLate: (d) => `It was refunded ${d} day${d === 1 ? '' : 's'} ago, longer than the shop's own time for it to show. Shall I get a human agent to check on this refund?`,
  aftersaleChase: 'Sorry for the wait! Shall I get a human agent to check on it for you?',
  aftersaleDue: (day) => `By the shop's own times it is due by ${day}, so it is not late yet. If it has not come by then, say "human" and an agent will check.`,
  today: 'today',
  arrivalBy: {
    by: (day) => `By the usual delivery time it should be there by ${day}; the courier has the final say.`,
    maybe: (day, last) => `It may be there by ${day}; by the usual time it arrives by ${last} at the latest.`,
    unlikely: (day, first, last) => `By the usual delivery time it is unlikely to be there by ${day}: expect it between ${first} and ${last}.`,
    overdue: (day) => `It is taking longer than the usual time, so I can't promise ${day}; the courier decides. Say "human" if you want an agent to chase it.`,
    courierSame: (day) => `Yes: the courier's latest update gives ${day} for the delivery.`,
    courierEarlier: (asked, day) => `Yes: the courier's latest update gives ${day} for the delivery, before ${asked}.`,
    courierLater: (asked, day) => `The courier's latest update gives ${day} for the delivery, so not by ${asked}.`,
  },
  aftersaleHint: {
    requested: 'Once the shop approves it, the money goes back to your original payment method.',
    requested_goods: 'Once the shop approves it, ship the item to the address on the after-sales page.',
    approved_refund: 'The money goes back to your original payment method within 1-3 business days.',
    approved_goods: 'Please ship the item to the address on the after-sales page and enter the tracking number.',
    rejected: 'If you disagree, say "human" and an agent will help.',
    returning: 'We process it within 1-3 business days after the warehouse receives it.',
    refunded: 'The money went back to your original payment method; cards usually show it within 1-3 business days.',
    closed: 'This request is closed. Say "human" if you need help.',
  },
  moneyHint: {
    requested_goods: 'Once the shop approves it, ship the item to the address on the after-sales page, and once it is back at the warehouse the money goes back the way you paid (card, wallet or balance).',
    approved_refund: 'The money goes back the way you paid (card, wallet or balance), usually within 1-3 business days.',
    approved_goods: 'Please ship the item to the address on the after-sales page and enter the tracking number; once it is back at the warehouse, the money goes back the way you paid (card, wallet or balance).',
    returning: 'We process it within 1-3 business days after the warehouse receives it; the money then goes back the way you paid (card, wallet or balance), usually within 1-3 business days.',
  },
  replacementHint: 'The new item goes out once the warehouse receives the one you sent back; its tracking number shows on the after-sales page once it ships.',
  withdrawHow: 'You can withdraw a request yourself on the order\'s after-sales page ("Withdraw request"); if the item is already on its way back, an agent needs to arrange it with the warehouse. Shall I get a human agent for you?',
  withdrawRequest: (p) =>
    p.settled
      ? `Your ${p.type} request (order ${p.orderId}) is already ${p.status}: there is nothing to withdraw.`
      : p.shipped
        ? `Your ${p.type} request (order ${p.orderId}) is ${p.status}: the item is already on its way back, so withdrawing it needs an agent and the warehouse. Shall I get a human agent for you?`
        : `Your ${p.type} request (order ${p.orderId}) is ${p.status}. I can't withdraw it myself: open the order's after-sales page and tap "Withdraw request" (you can request again later if you need to). Shall I get a human agent to do it for you?`,
  toExchange: (p) =>
    p.exchange
      ? `Your exchange request (order ${p.orderId}) is ${p.status}: changing the size or colour in it needs an agent. Shall I get a human agent for you?`
      : p.kind === 'returning'
        ? `Your ${p.type} request (order ${p.orderId}) is ${p.status}, so turning it into an exchange needs an agent and the warehouse. Shall I get a human agent for you?`
        : p.kind === 'refunded'
          ? `Your ${p.type} request (order ${p.orderId}) is already ${p.status}, so it can't become an exchange now: please order the size or colour you want again. Say "human" if you need help.`
          : p.kind === 'ended'
            ? `Your ${p.type} request (order ${p.orderId}) is ${p.status}. For an exchange, request one on the order's after-sales page and choose the size or colour you want. Say "human" if you need help.`
            : `OK. Your ${p.type} request (order ${p.orderId}) is ${p.status}, and I can't turn it into an exchange myself: withdraw it on the order's after-sales page ("Withdraw request"), then request an exchange there and choose the size or colour you want. Shall I get a human agent to do it for you?`,
  exchangeHow: 'You can request an exchange on the order\'s after-sales page: choose the size or colour you want, send the item back to the address shown once approved, and the new one ships when the warehouse receives it. Say "human" if you need help.',
  returnWaybill: (no, id) => `Noted: the return tracking number is ${no}. I can't see whether the return has reached the warehouse: once the warehouse signs for it, the after-sales page of order ${id} shows it. If you haven't yet, please enter the tracking number there. If you can't, or the tracking says it was delivered and the page has not moved, shall I get a human agent to check?`,
  cancelAskedBefore: (id) => `You've already asked for a refund on order ${id}, so there's no need to ask again. Here's where it stands:`,
  addItems: (id, open) =>
    open
      ? `Order ${id} hasn't shipped yet, but I can't add items to an order already placed: you can place a second order, or say "human" and an agent will see whether it can go out with this one.`
      : `Order ${id} has already shipped, so nothing more can be added to it; please place a new order for the rest. Say "human" if you need help.`,
  specUnshipped: (id) => `Order ${id} hasn't shipped yet, but I can't change its size or colour myself: you can cancel it on the order page and order again, or say "human" and an agent will see whether the warehouse can still change it.`,
  specNoCancel: (id, rule) => `Order ${id} hasn't shipped yet, but I can't change its size or colour myself. The shop's note: ${rule}${/[.!]$/.test(rule) ? '' : '.'} Whether it can be changed is for an agent to check: shall I get one?`,
  specShipped: (id, got) => `Order ${id} has already ${got ? 'been delivered' : 'shipped'}, so its size or colour can't be changed now: ${got ? 'you' : 'once it arrives you'} can request an exchange on the order page. Say "human" if you need help.`,
  addressOnOrder: (id, a, n) => `Order ${id} goes to: ${a}${n ? `, for ${n}` : ''} (house and unit numbers hidden). Tell me if it needs changing.`,
  specCancelled: (id) => `Order ${id} was cancelled, so there is no size or colour to change on it; you can place a new order in the one you want. If it is another order you mean, tell me its number.`,
  cancelShop: {
    pending_payment: (id, a, by) => `Order ${id} isn't paid yet${by ? `: left unpaid, it closes by itself after ${by}, and nothing is charged` : ''}. ${a}`,
    paid: (id, a) => `Order ${id} hasn't shipped. ${a} Say "human" if you want an agent to do it.`,
  },
  cancelSent: {
    shipped: (id, a) => `Order ${id} has already shipped, so it can't be cancelled. The shop's word on returns: ${a} Say "human" if you want an agent to help.`,
    delivered: (id, a) => `Order ${id} was delivered. The shop's word on returns: ${a} Say "human" if you want an agent to help.`,
  },
  refuseDelivery: (id) => `You can refuse order ${id}: turn the parcel down when the courier delivers it (or at the pickup point); once it is back at the warehouse the money goes back to your payment method, as the shop's after-sales terms say. Say "human" if you want an agent to follow it up.`,
  unpaidTimeout: (id, n = 0, by) =>
    id && by
      ? `Order ${id} isn't paid yet: please pay by ${by}. After that it closes by itself, and nothing is charged.`
      : id
      ? `Order ${id} isn't paid yet. An unpaid order closes by itself when its payment time runs out, and nothing is charged; the order page shows the time left, so pay before it ends if you still want it.`
      : `An unpaid order closes by itself when its payment time runs out, and nothing is charged; the order page shows the time left. ${n === 0 ? 'You have no unpaid order right now.' : `You have ${n} unpaid orders; each one's page shows its own time left.`}`,
  cancelDigital: (id) => `Order ${id} is a digital item and has been sent, so it usually cannot be cancelled or returned for a refund; the shop's terms decide. If it went to the wrong number or account, did not arrive or does not work, shall I get a human agent to check?`,
  cancel: {
    pending_payment: (id) => `Order ${id} isn't paid yet; you can cancel it on the order page.`,
    paid: (id) => `Order ${id} hasn't shipped, so you can cancel it on the order page ("Request refund"); the money goes back to your payment method. Say "human" if you want an agent to do it.`,
    shipped: (id) => `Order ${id} has already shipped, so it can't be cancelled. You can refuse the delivery, or return it after it arrives.`,
    delivered: (id) => `Order ${id} was delivered. You can request a return on the order page (7-day no-reason returns).`,
    cancelled: (id, why) =>
      !why
        ? `Order ${id} is already cancelled; the money goes back to your payment method.`
        : neverPaid(why)
          ? `Order ${id} is already cancelled (reason: ${why}); it was never paid, so nothing was charged.`
          : `Order ${id} is already cancelled (reason: ${why}); any money paid goes back to your payment method.`,
  },
  changeAddress: {
    editable: (id, name, phone) => `Order ${id} hasn't shipped, so you can change the address on the order page. ${enWho(name, phone)}Say "human" if you want an agent to help.`,
    editableShop: (id, a, name, phone) => `Order ${id} hasn't shipped. ${a} ${enWho(name, phone)}Say "human" if you want an agent to help.`,
    shipped: (id, carrier, no) => `Order ${id} has shipped, so the address can't be changed online${carrier ? `; you can ask ${carrier} to redirect it (tracking ${no})` : ''}, or say "human" for help.`,
    shippedShop: (id, a) => `Order ${id} has already shipped. ${a}${/[.!]$/.test(a) ? '' : '.'} Say "human" if you want an agent to help.`,
    closed: (id, status) => `Order ${id} is ${status}; the address can no longer be changed.`,
    reschedule: (id, a) => `${a ? `${a}${/[.!]$/.test(a) ? '' : '.'} ` : `I can't change the delivery day of order ${id} myself: the courier usually contacts you before delivering, and you can arrange a day with them. `}Shall I get a human agent to rearrange it for you?`,
    given: (id) => `Got your new address. Order ${id} hasn't shipped, but I can't change it myself: you can change it on the order page, or a human agent can change it to the address you sent. Shall I get one?`,
    givenShipped: (id, carrier, no) => `Got your new address. Order ${id} has already shipped, so I can't redirect it myself; a human agent can ask ${carrier ? `${carrier} (tracking ${no})` : 'the courier'} to redirect it to the address you sent (the courier may charge for it). Shall I get one?`,
  },
  policy: {
    return_policy: 'We accept returns and exchanges within 7 days for items in resellable condition. Open the order, tap "After-sales", choose return or exchange, and ship it to the address shown once approved.',
    invoice: 'After you confirm receipt, tap "Request invoice" on the order page to get an electronic invoice, for a person or a company.',
    coupon: 'Coupons are on the shop home page and apply automatically at checkout; current promotions are shown on each product page.',
  },
  policyUnknown: {
    return_policy: "I don't have this shop's return rules: the product page says what applies. Say \"human\" and a person will confirm it for you.",
    invoice: "I don't have how this shop issues invoices: the order page says what applies. Say \"human\" and a person will confirm it for you.",
    coupon: "I don't have this shop's current promotions: the product page shows what applies. Say \"human\" and a person will confirm it for you.",
  },
  policyTrouble: {
    invoice: 'Please enter the company name and tax number when you tap "Request invoice" on the order page; I can\'t issue invoices myself. Say "human" if you want an agent to request it with the details you sent.',
    coupon: EN_COUPON_TROUBLE,
    return_policy: 'Sorry about that! For a wrong, missing, damaged or faulty item, say "human" and an agent will handle it first; or open the order, tap "After-sales" and add photos.',
  },
  policyTroubleShort: {
    invoice: 'Say "human" if you want an agent to request it with the details you sent.',
    coupon: 'If it still doesn\'t apply after checking the above, say "human" and an agent will check.',
    return_policy: 'Sorry about that! For a wrong, missing, damaged or faulty item, say "human" and an agent will handle it first.',
  },
  returnWindow: {
    passed: (id, day, days, n) => `Order ${id} was delivered on ${day}, ${days} days ago: past the ${n}-day return window. If something is wrong with it, say "human" and an agent will look at it.`,
    open: (id, day, until, n) => `Order ${id} was delivered on ${day}; its ${n}-day return window runs until ${until}.`,
  },
  intentName: {
    track_parcel: 'track your parcel',
    order_status: 'check your order status',
    delivery_estimate: 'know when it arrives',
    aftersale_progress: 'check your refund or return',
    return_policy: 'know how returns work',
    cancel_order: 'cancel an order',
    change_address: 'change the delivery address',
    invoice: 'get an invoice',
    coupon: 'hear about discounts',
    human: 'talk to a human agent',
    complaint: 'make a complaint',
    faq: 'ask about the shop',
  },
};

export const TEXTS: Readonly<Record<Lang, Texts>> = { zh, en };

/** What a filled-in text starts with, up to where the filling goes. */
const MARK = '\u0000';
const lead = (filled: string) => filled.slice(0, filled.indexOf(MARK) < 0 ? undefined : filled.indexOf(MARK));
/** The start two fillings share ("您是想…吗" of two intents: "您是想"). */
const shared = (a: string, b: string) => a.slice(0, [...a].findIndex((ch, i) => ch !== b[i]));
const UNANSWERED: readonly string[] = [zh, en].flatMap((t) => [t.notUnderstood, t.notSureOfferHuman, t.handoverNotUnderstood, lead(t.faqConfirm(MARK)), lead(t.faqWhich([MARK])), shared(t.confirmIntent('track_parcel'), t.confirmIntent('complaint'))]);

/**
 * Whether a robot reply is one of its "I could not answer" texts (not understood, not sure, "did you
 * mean …?"): the question before it is one a person's answer may teach the FAQ (knowledge/suggestions.ts).
 */
export function couldNotAnswer(reply: string): boolean {
  return UNANSWERED.some((u) => u.length > 0 && reply.startsWith(u));
}

/** The platform's cancel reason a reply states on its own (`cancelledBecause`), or undefined for any other reply. */
export function cancelReasonIn(lang: Lang, reply: string): string | undefined {
  const [head = '', tail = ''] = TEXTS[lang].cancelledBecause(MARK).split(MARK);
  return reply.length > head.length + tail.length && reply.startsWith(head) && reply.endsWith(tail) ? reply.slice(head.length, reply.length - tail.length) : undefined;
}
