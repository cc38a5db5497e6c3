/**
 * The intent lexicon: weighted cues per intent. A cue is a substring of the scan text (see
 * normalize.ts), so Chinese cues match anywhere and English cues start with a space to demand a
 * word start ("␠refund" matches "refund", "refunds", "refunded", not "nonrefundable").
 * `a+b` means both parts occur somewhere in the utterance (in any order): it scores combinations
 * such as "退款 … 什么时候" that mean something neither part means alone.
 *
 * Weights are evidence, not probabilities: an intent needs about 1.0 to be chosen, and the
 * classifier then applies the priority rules (complaint and human requests win; greetings and
 * thanks only when nothing else was said). Keep cues general: a cue that only fixes one sentence
 * is a lookup, not a feature.
 */
import type { Intent } from '../types.ts';

export type ScoredIntent = Exclude<Intent, 'unknown'>;
export type Cue = readonly [pattern: string, weight: number];

export const LEXICON: Readonly<Record<ScoredIntent, readonly Cue[]>> = {
  track_parcel: [
    // Goods bought, asked whether they came ("我上礼拜买额明前龙井礼盒收到了伐？屋里厢人讲没看到": a Hangzhou shop, thirty-seventh session,
    // "no after-sales request").
    ['买+收到了吗', 1.0], ['买+收到没', 1.0], ['家里+没看到', 0.8],
    // A courier's service named ("the gaiters SO-10306, any update on the express post?": a Sydney shop, thirty-seventh session, a refund told).
    [' express post', 0.9], [' parcel post', 0.9], [' tracked 48', 0.9], [' next day delivery', 0.6],
    // French beside English ("Bonjour, où est mon colis ? I ordered a jumper…": a London shop, thirty-seventh session, "not sure").
    [' où est mon', 1.6], [' où est ma', 1.6], [' mon colis', 1.2], [' ma commande', 0.8],
    // A parcel sent and said to be late ("2号已经出库 讲好2-3日到 而家都6号啦 係咪超时咗": a Guangzhou shop, thirty-seventh session, its status told).
    ['出库+超时', 1.8], ['发货+超时', 1.8], ['发出+超时', 1.8], ['快递+超时', 1.8], ['物流+超时', 1.8], ['包裹+超时', 1.8],
    // The courier's phone, which the newest event often gives ("师傅电话多少": a Shanghai shop, thirty-sixth session, FAQ entries offered).
    ['师傅电话', 1.2], ['师傅的电话', 1.2], ['派送员电话', 1.2], ['送货员电话', 1.2], [" courier's phone", 1.4], [' courier phone', 1.4], [" driver's phone", 1.2], [" driver's number", 1.2], [' driver phone', 1.2],
    [' returned to sender', 1.2], [' return to sender', 1.0],
    // "我的车现在怎样了 有消息了吗" (a Singapore hobby shop's buyer of an RC car, forty-ninth session: not understood).
    // "我個電飯煲寄咗好耐都未到，幾時先到香港呀？" (the same shop's Hong Kong buyer: offered the shipping-to-Hong-Kong entry).
    ['好耐都没到', 1.2], ['寄了好耐', 0.9], ['显示+ on hold', 1.2], [' shows on hold', 1.2], [' says on hold', 1.2], [' status+ on hold', 0.9], ['一个多礼拜了', 0.6],
    // "你们门市寄出的那单到了没" (found in review: the shop's place asked).
    ['那单到了没', 1.2], ['那单到了吗', 1.2],
    ['有消息了吗', 0.9], ['有消息没', 0.9], ['有没有消息', 0.7], ['有消息了没', 0.9],
    ['快递', 0.6], ['物流', 0.7], ['包裹', 0.6], ['快件', 0.6], ['运单', 0.9], ['单号', 0.4], ['到哪', 0.8], ['到哪了', 0.3], ['在哪', 0.5],
    // "费洛蒙到店了吗 要去哪间7-11拿", "取件码是多少": a parcel waiting at a store or locker (found from outside: not understood).
    ['到店了', 1.4], ['取件码', 1.2], ['去哪拿', 0.9], ['可以取了没', 1.2], ['可以去取了没', 1.2], [' pickup code', 2.6], [' pick up code', 2.6], [' collection code', 2.4], [' locker code', 2.4], ['取货码', 1.2], ['去哪取', 0.9], ['去哪间', 0.6],
    // "要下载啥 在哪下": where to download, no parcel (found from outside: a split parcel's three lines).
    ['下载', -0.8], [' download', -0.8],
    ['哪里了', 0.5], ['哪儿了', 0.5], ['走到', 0.5], ['查快递', 1.0], ['查物流', 1.0], ['查件', 1.0], ['查+物流', 0.5], ['查+快递', 0.5], ['查+包裹', 0.6], ['单号+查', 0.5], ['查一下', 0.2], ['签收+没收到', 0.6], ['显示签收', 0.6], ['已签收', 0.3], ['物流信息', 0.6], ['物流状态', 0.6],
    ['催件', 1.2], ['催+快递', 1.0], ['催+物流', 1.0], ['联系+快递', 0.9], ['联系+物流', 0.9], ['联系顺丰', 1.0], ['联系一下顺丰', 1.0], [' chase', 1.0], [' contact the courier', 1.0], [' contact the carrier', 1.0],
    ['跟踪', 0.6], ['追踪', 0.6], ['派送', 0.6], ['派件', 0.6], ['揽收', 0.7], ['揽件', 0.7], ['中转', 0.6], ['不更新', 0.6],
    ['没更新', 0.6], ['没动', 0.6], ['不动', 0.4], ['卡住', 0.5], ['卡在', 0.6], ['快递员', 0.5], ['签收', 0.4], ['签收了吗', 1.2], ['签收了没', 1.2], ['签收没', 1.0], ['送到哪', 0.8],
    // Sent days ago and not here ("我的电池发了十天了还没到 新疆的", "我架滑板车寄咗成個禮拜都未到": a Shenzhen e-bike shop, forty-eighth
    // session, "not sure" and "not understood").
    // Cantonese arrives here as Mandarin (寄咗 as 寄了, 未到 as 没到). Not "我寄了几天了都没到", the buyer's own return when a request
    // is under way (found by the tests).
    // No cue word with 寄: the sound-alike repair reads the cues' words as the vocabulary, and "算了不急了" became "不寄了" (found by the tests).
    ['发了+还没到', 1.0], ['发出+还没到', 1.0], ['发了+都没到', 1.0], ['星期都没到', 1.0], ['礼拜都没到', 1.0], ['星期了还没到', 1.0], ['礼拜了还没到', 1.0],
    ['没收到', 0.4], ['还没到', 0.7], ['都没到', 0.9], ['还没送到', 0.9], ['到了没', 0.6], ['到了吗', 0.6], ['到没到', 0.9], ['送到了吗', 0.9], ['驿站', 0.6],
    // The goods named instead of the parcel ("耳机到了吗", "did my earbuds arrive?", "is my jacket here yet": found from outside).
    [' did my+arrive', 1.0], [' has my+arrived', 1.0], [' have my+arrived', 1.0], [' is my+here yet', 1.0], [' are my+here yet', 1.0], [' did my+get here', 0.8], ['丰巢', 0.6], ['顺丰', 0.5], ['圆通', 0.5], ['中通', 0.5],
    ['韵达', 0.5], ['申通', 0.5], ['京东快递', 0.5], [' ems ', 0.4], ['物流+到哪', 0.3], ['快递+到哪', 0.3], ['快递+在哪', 0.3],
    [' where is my', 0.5], [' where is my order', 0.5], [' my stuff', 0.4], [' any update', 0.4], [' where is it', 0.8], [' where is the', 0.4], [' track', 1.0], [' package', 0.6], [' parcel', 0.7],
    [' shipment', 0.6], [' courier', 0.4], [' delivery status', 0.8], [' status+shipment', 0.8], [' status+package', 0.8], [' status+parcel', 0.8], [' shipping status', 0.8], [' in transit', 0.6],
    [' supposed to arrive', 1.0], [' supposed to come', 1.0], [' should have arrived', 1.0], [' should have come', 0.9], [' by now', 0.4], [' been a week', 0.5], [' where are my', 0.6],
    // The delivery called slow ("J&T so slow one lah, sudah 2 days": found from outside, not understood): beside a word of
    // delivery only; a slow website, reply or battery is not a parcel (found in review).
    [' slow delivery', 1.0], [' slow shipping', 1.0], [' slow+ days', 0.8], [' slow+parcel', 0.6], [' slow+package', 0.6], [' slow+deliver', 0.6], [' slow+courier', 0.8], [' slow+shipping', 0.6], [' slow+ninja', 0.9], [' slow+pos laju', 0.9], [' slow+j t', 0.9], [' slow+dhl', 0.9],
    [' any news', 0.5], [' happened to my', 0.6], [' stuck', 0.6], [' not moving', 0.6], [' is it moving', 0.5], [' depot', 0.5], [' bouncing around', 0.8], [' has not moved', 0.7], [' not updated', 0.6], [' no update', 0.5], [' location', 0.4],
    [' where', 0.3], [' out for delivery', 0.9], [' said out for delivery', 0.6], [' says out for delivery', 0.6], [' lost', 0.5], [' not received', 0.4], [' have not received', 0.4],
    [' never arrived', 0.5], [' never come', 0.5], [' still has not come', 0.7], [' has not come', 0.4], [' still never', 0.4], [' delivered already', 0.6], [' reach already', 0.5], [' arrive already', 0.5], [' not arrived', 0.4], [' has not arrived', 0.4], [' not yet arrive', 0.9], [' still not arrive', 0.9],
    // Singlish "reach" is arrive: "still havent reach JB, how come so long?" (found from outside: read as a refund).
    // Not "can not reach anyone" (a person: found in review).
    [' have not reach', 1.2], [' never reach', 1.2], [' still not reach', 1.2], [' reach yet', 0.8], [' have not reach+ long', 1.2],
    [' already arrive', 0.6], [' arrive or not', 0.8], [' arrived or not', 0.8], [' reach or not', 0.8], [' still not here', 0.5], [' delivered but', 0.6],
    [' says delivered', 0.7], [' delivery+ failed', 1.0], [' it is not here', 0.7], [' it is still not here', 0.7], [' still is not here', 0.7], [' has not picked', 0.5], [' carrier+picked', 0.6], [' ups ', 0.4], [' fedex', 0.4], [' usps', 0.4], [' dhl', 0.4],
  ],
  order_status: [
    // "我隻尿袋寄咗未呀" (the same shop: the airline entry first).
    ['寄了没', 1.2], ['寄出了没', 1.2], ['寄出去了没', 1.2],
    // Whether a payment went through ("has my Apple Pay gone through": a Manchester bakery, forty-ninth session, offered the Northern Ireland entry).
    [' pay+ gone through', 1.2], [' pay+ go through', 1.0], [' pay+ went through', 1.0], [' payment+ gone through', 1.2], [' payment+ go through', 1.2], [' payment+ went through', 1.0], ['付款成功了吗', 1.4], ['付成功了吗', 1.4], ['付款成功没', 1.4], ['扣款成功', 1.0],
    // Not sent yet, in Cantonese as normalised ("點解仲未寄出": a Guangzhou appliance shop's Macau buyer, forty-ninth session, offered the
    // shipping-to-Macau entry).
    ['还没寄出', 1.8], ['仲未寄出', 1.8], ['未寄出', 1.2],
    // An order pointed at, asked how it stands ("請問我12/4訂的那筆現在怎樣了": a Taipei shop, thirty-seventh session, not understood).
    ['订的+怎样了', 1.2], ['订的+怎么样了', 1.2], ['买的+怎样了', 1.0], ['那笔+怎样了', 1.0], ['那笔+怎么样了', 1.0], ['那单+怎样了', 1.0], ['那单+怎么样了', 1.0],
    // "话费还在充值中 咋回事": a top-up under way, the order's (found from outside: "did you mean" an entry).
    ['充值中', 1.4], ['话费到了吗', 1.3], ['话费到了没', 1.3], ['话费到没', 1.3], ['话费到账了吗', 1.0], ['话费到账没', 1.0],
    // "whats happening with my lobster??" (found from outside: not understood).
    // Singlish "shipped already?" asks whether it has (found from outside: the plug entry was offered).
    [' shipped already', 1.2], [' ship already', 1.0], [' send out already', 1.0], [' sent out already', 1.0],
    [" what's happening with", 0.6], [' whats happening with', 0.6], [' what is happening with', 0.6], [" what's going on with", 0.5], [' whats going on with', 0.5],
    // The scan reads "whats" as "what is" ("yo whats going on with my pots order": found from outside, "not sure").
    [' what is going on with', 0.4], [' what is going on with+order', 0.7], [' any news on', 0.5], [' any update on', 0.5],
    ['订单', 0.35], ['订单状态', 0.9], ['我的订单', 0.4], ['查订单', 0.9], ['查一下订单', 0.9], ['查下订单', 0.9], ['发货了吗', 1.2],
    ['发货没', 1.2], ['发货了', 0.6], ['发货了没', 1.2], ['发了吗', 1.0], ['发了没', 1.0], ['发出', 0.7], ['发出去', 0.8], ['发货', 0.6],
    ['还没发货', 0.3], ['还没发', 0.6], ['没发', 0.3], ['付了钱', 0.5], ['付了款', 0.5], ['没发货', 0.5], ['不发货', 0.5], ['已发货', 0.5], ['付款成功', 0.8], ['成功了吗', 0.4], ['支付成功', 0.8], ['下单成功', 0.9],
    // Slow to send, against others who send the same day ("怎么这么慢啊 别家都是当天发": found from outside, the refund entry).
    ['慢+当天发', 1.2], ['慢+当天就发', 1.2],
    ['付款了', 0.4], ['状态', 0.4], ['怎么样了', 0.4], ['处理到哪', 0.6], ['到哪一步', 0.7], ['出库', 0.7], ['打包', 0.5],
    ['备货', 0.6], ['打包了', 0.5], ['出库了', 0.4], ['订单+怎么', 0.2], ['订单号', 0.3],
    [' order status', 1.0], [' status of my order', 1.0], [' my order', 0.5], [' the order', 0.3], [' order', 0.2], [' shipped', 0.8],
    [' ship yet', 1.0], [' ship it yet', 0.8], [' did you ship', 1.0], [' shipped yet', 0.4], [' sent out', 0.8], [' dispatched', 0.9], [' dispatch', 0.6], [' status', 0.5],
    [' processing', 0.5], [' waiting+ship', 0.6], [' check my order', 1.0], [' check on my order', 1.0], [' check on an order', 1.0], [' check an order', 0.9], [' look up an order', 1.0], [' look up my order', 1.0], [' go through', 0.7], [' went through', 0.7],
    [' confirmed', 0.5], [' payment+confirmed', 0.5], [' placed', 0.4], [' payment', 0.4], [' successful', 0.4], [' has it shipped', 0.6], [' been shipped', 0.5], [' packed', 0.5],
    [' nothing yet', 0.6], [' pending', 0.6], [' still says', 0.3], [' not shipped', 0.6], [' still not shipped', 0.4],
    [' left+warehouse', 0.9], [' been sent', 0.7], [' sent yet', 0.9], [' gone out', 0.8], ['待付款', 0.8], [' did my+ship', 1.0], [' sitting in', 0.6], ['没动静', 0.5], ['刻好没', 1.2], ['做好没', 1.2], ['做好了吗', 1.0], ['在排队', 0.8], ['一直不发', 1.0], ['我没取消', 1.5], ['我没有取消', 1.5], [' i did not cancel', 1.5], [' i never cancel', 1.5], [' is it done', 0.8], [' in the queue', 0.6],
  ],
  delivery_estimate: [
    // "师傅今日会唔会送过嚟" (read 今天会不会送过来: found from outside, "not sure").
    ['会不会送过来', 1.6], ['会不会送到', 1.4], ['会不会送货', 1.2], ['能不能送过来', 1.0],
    // "oi when is my chair being sent" (a London shop, thirty-third session: read as a return's progress).
    // Asked when: "why am i being sent the wrong colour chair" is the goods' trouble (found in review).
    [' when+being sent', 2.2], [' when+getting sent', 2.2],
    // "the charger i ordered ytd night when u all send out?" (a Singapore shop, forty-fourth session: "not sure").
    [' when+send out', 1.8], [' when+send it out', 1.8],
    // Not the money or a code sent out ("when will u send out my refund": found in review).
    [' send out+refund', -2.4], [' send out+code', -2.2], [' send out+voucher', -2.2], [' send out+invoice', -2.2], [' send out+label', -2.2],
    [' arriving today', 1.0],
    // "NYS-20418. here by wednesday or no?" (a New York shop, thirty-eighth session: the address-change entry offered).
    [' here by ', 1.6], [' arrive by ', 1.4], [' make it by ', 1.2],
    // Money to a card and a size worn up to a weight are no delivery ("几天能到我卡里", "M号能穿到几斤": found from outside).
    ['到我卡里', -1.5], ['到卡里', -1.2], ['到卡上', -1.2], ['穿到', -1.2], ['几斤', -0.6],
    // The goods named instead of the parcel ("is my monitor coming today": found from outside, "not understood").
    [' is my+coming', 1.0], [' are my+coming', 1.0], [' coming today', 0.8], [' coming tomorrow', 0.8],
    // The courier's own coming ("what time is the driver coming roughly": found from outside, "not sure").
    [' driver coming', 1.2], [' courier coming', 1.2], [' postman coming', 1.0], [' postie coming', 1.0],
    // The weather and today's date come with a day too, and ask nothing of a delivery.
    ['天气', -1.5], ['会下雨', -1.2], ['下雨吗', -1.2], ['下雪吗', -1.2], ['几号来着', -1.2], [' weather', -1.5], [' gonna rain', -1.0], [' going to rain', -1.0], [' will it rain', -1.0], [' will it snow', -0.8], [' what day is it', -1.2], [" what's the date", -1.0],
    ['寄得出', 1.0], ['发得出', 1.0],
    // "NVSGSGF0010611 今天会送吗" (a Singapore shop, thirty-sixth session: not understood): a day, then 送 as delivering.
    ['天会送', 1.0], ['天送吗', 0.9], ['天能送', 0.9], ['天送不送', 0.9], ['天会不会送', 1.0],
    // "那广州那个今天送得到不嘛", "过年之前到得了不" (a Chengdu shop, thirty-sixth session: "did you mean…?").
    ['送得到', 1.0], ['到得了', 1.0],
    // Money arrives in an account, not at the door: "几天能到账", "钱什么时候能到" are refunds (found from outside); the 钱 of
    // paying is not ("今晚俾钱几时可以发", 付钱什么时候可以发: a Guangzhou shop, thirty-seventh session, "no after-sales request").
    ['到账', -1.6], ['钱什么时候', -1.2], ['退款+什么时候', -1.2], ['退款+多久', -1.0], ['钱多久', -1.2], ['钱几天', -1.2], ['付了钱+钱什么时候', 1.2], ['付钱+钱什么时候', 1.2], ['多少钱+钱什么时候', 1.2], ['加钱+钱什么时候', 1.2], ['花了+钱什么时候', 1.2], ['钱+回来', -1.2], [' money back', -1.2], [' my money', -0.8],
    ['什么时候到', 1.2], ['什么时候能到', 1.2], ['什么时候送到', 1.2], ['几时到', 1.2], ['几时', 0.6], ['几天到', 1.2], ['几天能到', 1.2],
    // Cantonese 几日 for 几天 ("東莞幾日到": a Guangzhou shop, thirty-seventh session, handed over).
    ['几日到', 1.2], ['几日能到', 1.2], ['几日收到', 1.2], ['几日可以到', 1.2], ['几日送到', 1.2],
    ['几天可以到', 1.2], ['多久到', 1.2], ['多久能到', 1.2], ['多久可以到', 1.2], ['多久能收到', 1.2], ['什么时候能收到', 1.2],
    ['什么时候收到', 1.0], ['什么时候可以收到', 1.2], ['多长时间', 0.6], ['预计', 0.6], ['今天能到', 1.0], ['今天会到', 1.0], ['天会不会到', 1.0], ['会不会送到', 1.0], ['能送到', 0.8], ['能发货吗', 0.8], ['能发出', 0.8], ['能送过来', 0.9], ['送过来吗', 0.6], ['多少天能收到', 1.2], ['多少天能到', 1.2], ['多少天到', 1.2], ['要多少天', 1.0], ['能发吗', 0.7], ['哪天', 0.5], ['前能到', 0.6], ['能收到吗', 0.6], ['之前能', 0.5], ['周末', 0.3], ['明天能到', 1.0],
    ['能到吗', 0.6], ['能到不', 0.8], ['到不了', 0.5], ['到货时间', 1.0], ['送达时间', 1.0], ['什么时候发货', 1.2], ['什么时候发', 1.0], ['什么时候可以发', 1.2],
    // When the shop sends it, said with 寄 ("哈囉～我的尿布什麼時候寄😅": a Taipei shop, forty-eighth session, read as a return's progress).
    ['什么时候寄', 1.0], ['啥时候寄', 1.0], ['什么时候出货', 1.2], ['几时出货', 1.2], ['哪时候出货', 1.2], ['什么时候能发', 1.2], ['几天发货', 1.0],
    ['多久发货', 1.0], ['几天发', 0.9], ['多久发', 0.9], ['要多久', 0.6], ['几天', 0.4], ['多久', 0.4], ['什么时候', 0.3],
    ['赶得上', 0.9], ['几号能发', 1.2], ['几号发', 1.0], ['几号能到', 1.2], ['几号到', 1.0], ['哪天能发', 1.2], ['来得及', 0.6], ['能不能到', 0.6], ['送到', 0.2], ['到货', 0.3],
    [' when will', 0.6], [' when will it arrive', 0.7], [' when will i get', 0.7], [' when will i receive', 0.7], [' when do i get', 0.7],
    [' when can i expect', 1.0], [' can i get it', 0.4], [' when is it', 0.4], [' arrive', 0.5], [' arrival', 0.7], [' eta', 1.2], [' estimated', 0.8],
    [' how long', 0.7], [' how long+ship', 0.5], [' how long+deliver', 0.5], [' how many days', 0.8], [' parcel+ how many', 1.2], [' package+ how many', 1.2], [' delivery date', 0.9], [' delivery time', 1.0], [' by friday', 0.6],
    [' by monday', 0.6], [' by tomorrow', 0.6], [' in time for', 0.9], [' before christmas', 1.0], [' will i have it', 1.0], [' get here', 0.7], [' delivered tomorrow', 1.0], [' tomorrow', 0.4], [' going to ship', 0.6], [' deliver+tomorrow', 0.7], [' ship+tomorrow', 0.7], [' arrive+tomorrow', 0.7], [' how soon', 1.0], [' days for delivery', 0.5], [' when do you ship', 1.2], [' when+ship', 0.6], [' when+arriv', 0.6], [' when+deliver', 0.6],
    [' when+show up', 1.0], [' when+turn up', 1.0], [' need it by', 0.9], [' make it by', 0.9], [' can it ship', 0.9], [' ship out today', 1.0], [' how much longer', 1.0], [' delivered before', 0.8], [' what day+get to me', 1.0], [' can you deliver on', 1.0], [' be here', 0.6], [' will it ship', 0.8], [' when will you ship', 1.0], [' when does it ship', 1.0], [' when you send', 1.0], [' when u send', 1.0], [' when will you send', 1.0], [' when do you send', 1.0], [' expect', 0.6],
    [' reach me', 0.8], [' when+landing', 0.9], [' when+ land', 0.9], [' need+before', 0.6], [' need+ by', 0.5], [' ship+today', 0.7], [' deliver+today', 0.6], [' arrive+today', 0.7],
  ],
  aftersale_progress: [
    // The refund named beside "how many working days" (a London shop, thirty-seventh session: the delivery time told too).
    [' refund+ how many', 1.6], [' refund+ working days', 1.2],
    // "put in for a swap on me iphone 12 last nite … any news?" (a Manchester shop, thirty-sixth session: the battery entry).
    [' put in for', 1.0], [' put in a claim', 1.2], [' put a claim in', 1.2],
    // Malaysian "户口" and "masuk" are the bank account and credited ("几时会进我的户口？", "how many days masuk bank": found from outside, a parcel told).
    ['进我的户口', 1.4], ['进户口', 1.4], ['入户口', 1.4], ['到户口', 1.4], [' masuk bank', 2.0], [' masuk akaun', 2.0], [' masuk account', 2.0],
    [' money back yet', 1.2], [' review take', 1.6], [' reviewed yet', 1.2], [' approve my', 1.0], [' request i opened', 1.0], [' claim i opened', 1.0], [' case i opened', 1.0], [' got accepted', 0.6],
    ['退款进度', 1.6], ['还没处理', 1.0], ['没处理', 0.6], ['寄出了吗', 0.5], ['售后进度', 1.6], ['退货进度', 1.6], ['换货进度', 1.6], ['进度', 0.7], ['到账', 1.8], ['退款呢', 1.4], ['换货怎样', 1.8], ['换货怎么样', 1.8], ['退货怎样', 1.8], ['退货怎么样', 1.8], ['退款怎样', 1.8], ['保修换货', 0.8], ['到我卡里', 2.0], ['到卡里', 1.8], ['到卡上', 1.8], ['退到卡', 1.2], ['问的是钱', 1.4], ['问的是退款', 1.4],
    ['退款了吗', 1.3], ['退款了没', 1.3], ['退了吗', 1.2], ['退了没', 1.2], ['还没退', 1.3], ['没退', 0.8], ['没有退', 0.8],
    ['审核', 0.7], ['审核+多久', 1.0], ['审核要多久', 1.4], ['审核+几天', 1.0], ['审核+什么时候', 1.0], ['处理得怎么样', 0.9], ['处理好了吗', 0.8], ['处理了吗', 0.6], ['什么时候退', 1.3], ['钱呢', 1.2], ['钱还没', 1.2],
    ['退的钱', 1.2], ['换的货', 1.0], ['换的+发', 0.5], ['钱+到哪', 0.8], ['换货+什么时候', 1.2], ['我的退货', 0.8], ['我的换货', 0.8], ['钱什么时候', 1.2], ['退回来', 0.5], ['申请的', 0.5], ['已经申请', 0.6], ['申请了', 0.5], ['同意了吗', 0.9],
    // Why a request was refused ("退货为啥被拒", "tk被拒了为啥": found from outside, a returns FAQ).
    ['被拒', 1.4], ['驳回', 1.2], ['拒绝了', 0.8], ['不给退', 1.2], ['不让退', 1.2], ['不给我退', 1.2],
    ['通过了吗', 0.9], ['收到了吗', 0.2], ['退款+还没', 0.9], ['退款+什么时候', 0.9], ['退款+何时', 0.9], ['退款+多久', 0.9], ['退款+几天', 0.9],
    ['退款+怎么样', 0.8], ['退款+到哪', 1.3], ['退款+状态', 1.0], ['退货+签收', 1.2], ['寄回+签收', 1.2], ['退回+签收', 1.2], ['退回去+收到', 1.0], ['退货+到哪一步', 1.2], ['申请+通过了', 0.8], ['退款+什么情况', 1.0], ['申请了+换货', 1.0], ['申请了+退货', 1.0], ['申请了+退款', 1.0], ['没收到钱', 1.2], ['钱没收到', 1.2], ['没到账', 1.2], ['退款+回来', 0.8], ['钱+回来', 0.8], ['钱什么时候', 1.0], ['钱多久', 1.0], ['钱几天', 1.0], ['钱到了吗', 1.0], ['钱还没到', 1.0], ['付了钱+钱什么时候', -1.0], ['付钱+钱什么时候', -2.2], ['多少钱+钱什么时候', -1.0], ['加钱+钱什么时候', -1.0], ['花了+钱什么时候', -1.0], ['退货+收到', 0.7], ['退货+怎么样', 0.8], ['换货+发出', 0.8],
    ['换货+怎么样', 0.8], ['换货+到哪', 0.6], ['售后+怎么样', 0.8], ['退款+一直', 0.6], ['退款+没', 0.5], ['寄回去+收到', 0.8], ['寄回+收到', 0.9], ['退回+收到', 0.9], ['换货+寄出', 1.2], ['换货+发了', 1.2], ['已经退', 0.9], ['退回去了', 0.8], ['寄回去了', 0.9],
    [' refund status', 1.6], [' status of my refund', 1.6], [' my refund', 0.7], [' the refund', 0.4], [' refund yet', 1.0],
    [' been refunded', 1.0], [' get my money back', 0.6], [' where is my refund', 1.0], [' where is my money', 1.2], [' processed', 0.8],
    [' return status', 1.4], [' exchange status', 1.4], [' got my return', 1.2], [' received my return', 1.2], [' get my return', 1.0],
    [' about the refund', 1.2], [' about my refund', 1.2], [' what about the refund', 0.4], [' refund+when', 0.7],
    [' refund+still', 0.6], [' refund+not received', 0.6], [' refund+yet', 0.4], [' refund+how long', 0.7], [' refund+approved', 0.8],
    [' refund+update', 1.2], [' return+arriv', 1.0], [' return+reach', 1.0], [' return+receiv', 1.0], [' mailed+return', 1.0], [' return+pending', 1.0], [' exchange+approv', 1.2], [' exchange+review', 1.0], [' return+review', 1.0], [' hurry+refund', 1.0], [' refund+hurry', 1.0], [' canceled+money back', 1.2], [' cancelled+money back', 1.2], [' refund+news', 1.0], [' requested+exchange', 1.0], [' requested+refund', 1.0], [' requested+return', 1.0], [' money back+when', 1.0], [' money+when', 0.5], [' return+received', 0.5], [' replacement+shipped', 0.8],
    [' replacement+when', 0.6], [' replacement+ship', 1.0], [' replacement+where', 1.0], [' replacement+arriv', 1.2], [' my swap', 1.0], ['换的那个新的', 1.2], ['换的新的', 1.2], ['补发+ship', 1.2], [' refund+where', 1.0], [' refund+到哪', 1.3], [' refund+还没', 1.0], [' refund+hit', 0.8], [' refund+account', 0.6],
    [' refund+card', 0.6], [' still waiting', 0.5], [' i returned', 0.8], [' already returned', 1.0], [' sent it back', 1.0], [' sent back', 1.0], [' sent+back', 0.8], [' received+sent', 0.5], [' status+return', 1.0], [' status+exchange', 1.0], [' status+refund', 1.0], [' exchange+shipped', 1.5], [' my exchange', 1.0], [' my return', 0.8], [' my replacement', 1.0], [' still no refund', 1.2], [' no refund', 0.6], [' receiv+my return', 1.4], [' exchange+update', 1.4], [' return+update', 1.4], [' refund+days ago', 0.4], [' refunded+when', 0.5],
    // Progress is asked with arrival and not-yet words; policy with can / how / policy (return_policy).
    [' refund+arriv', 1.2], [' refund+come', 0.9], [' refund+gone through', 1.0], [' refund+go through', 0.8], [' refund+has not', 1.0], [' refund+have not', 0.8], [' refund+show up', 1.0], [' exchange+arriv', 1.3], [' replacement+arriv', 1.3], [' return+processed', 1.0], [' money+arriv', 0.8],
    ['退款+has not', 1.0], ['退款+yet', 1.0], ['退款+still', 1.0], ['money+回来', 0.8], ['money+什么时候', 0.6], ['退的+回来', 0.8], ['退的+什么时候', 0.8],
    [' exchange+sent', 1.5], [' replacement+sent', 1.2], [' new one+sent', 1.0], [' new one+shipped', 1.0], [' exchange+ ship', 1.0],
    // A request turned down, a check's result, a re-shipment agreed as the fix, how far a request has got.
    ['申请+被拒', 1.2], ['售后+被拒', 1.2], ['驳回', 1.2], ['拒绝了', 0.6], ['检测结果', 1.0], ['结果出来', 0.8], ['审核+到哪', 1.0], ['审核+怎么样', 0.9], ['补发+什么时候', 1.2], ['补发+到哪', 1.2], ['补发+发了', 1.2], ['补发+ ship', 1.2], ['补发的', 0.8],
    [' rejected', 0.6], [' denied', 0.6], [' refund+submitted', 1.0], [' return+how far', 1.2], [' replacement+gone out', 1.0], ['售后+处理中', 1.0], [' return received', 1.0], [' refund+came through', 1.2], [' refund+come through', 1.2], [' return+progress', 1.2], [' refund+progress', 1.2], [' exchange+progress', 1.2], ['同意了没', 0.9], ['退款+信儿', 1.0], [' refund+how far', 1.2], [' exchange+how far', 1.2], [' replacement+promised', 1.0], [' refund+promised', 1.0], [' exchange+promised', 1.0], [' reship', 1.5], ['换没换', 1.0], [' shipped+back', 1.0], [' return+approved', 1.0], [' looked at it', 0.8], [' return+dropped', 1.0], [' return+got it', 1.0], ['退+石沉大海', 1.2], ['换货+石沉大海', 1.2], ['申请+石沉大海', 1.2], ['售后+石沉大海', 1.2], [' replacement+on the way', 1.2], [' return tracking', 1.2], [' return+delivered', 1.0], ['寄回去的', 0.9], ['寄回+仓库', 1.0], ['退货+仓库', 1.0], ['退回+仓库', 1.0], ['退+通过没', 1.0], ['换+通过没', 1.0], ['售后+通过没', 1.0], ['退货+有信', 1.2], ['退款+有信', 1.2], ['换货+有信', 1.2], ['退货+有消息', 1.0], ['退款+有消息', 1.0], ['换货+有消息', 1.0],
    [' return+any news', 1.2], [' return+news', 1.0], [' exchange+news', 1.0], [' exchange+going', 1.2], [' return+going', 1.0], [' refund+going', 1.0],
  ],
  return_policy: [
    // Fresh goods arrived spoiled, as the shop's FAQ asks it ("What if my order arrives thawed or damaged?" read as an order's status: found from outside).
    [' arrives+damaged', 1.2], [' arrive+damaged', 1.2], [' arrives+thawed', 1.4], [' arrive+thawed', 1.4], [' thawed', 0.8], [' rotten', 0.8], [' spoiled', 0.8], ['化冻了', 1.0], ['烂了', 0.6],
    // Past its date on arrival ("the milk already expired when i received": found from outside, not understood); not a coupon or a link.
    [' expired+received', 1.6], [' expired+arrived', 1.6], [' expired+got it', 1.0], [' expired+came', 0.8], ['收到+过期', 1.2], ['过期了+收到', 1.2],
    [' refund policy', 1.4], [' returns+how long do i get', 1.2], [' return+how long do i get', 1.2], [' do you do refunds', 1.2], [' do you do returns', 1.2],
    ['退货', 1.1], ['换货', 1.1], ['退换', 1.1], ['怎么退', 1.4], ['如何退', 1.4], ['能退吗', 1.3], ['可以退吗', 1.3], ['能退', 0.9], ['给退', 1.0],
    ['可以退', 0.9], ['想退', 1.0], ['要退', 0.8], ['退掉', 1.0], ['退款', 0.7], ['七天无理由', 1.6], ['7天无理由', 1.6], ['无理由', 1.3],
    ['寄回', 0.8], ['退回', 0.7], ['换尺码', 1.4], ['换码', 1.3], ['换个码', 1.4], ['换个尺码', 1.4], ['换大', 1.2], ['换小', 1.2],
    ['换颜色', 1.4], ['换个颜色', 1.4], ['换一个', 0.9], ['换个', 0.5], ['大了', 0.6], ['多大了', -0.6], ['小了', 0.6], ['想换', 1.0], ['划痕', 1.0], ['划伤', 1.0], ['瑕疵', 1.0], ['掉漆', 1.0], ['污渍', 0.9], ['开线', 0.9], ['不合适', 0.7],
    ['质量问题', 0.8], ['没反应', 0.8], ['客服+没反应', -1.2], ['是不是坏了', 1.2], ['坏了', 0.8], ['破了', 0.8], ['碎了', 0.8], ['是坏的', 1.0], ['是裂的', 1.0], ['裂了', 0.9], ['裂开', 0.8], ['有裂', 0.8], ['裂缝', 0.8], ['裂痕', 0.8], ['破损', 0.9], ['损坏', 0.8], ['怎么处理', 0.3], ['坏了+怎么办', 0.5], ['发错货', 0.4], ['有问题', 0.4], ['发错', 0.8], ['少发', 1.0], ['漏发', 1.0], ['少了', 0.6], ['配件', 0.5],
    ['申请售后', 1.3], ['售后', 0.8], ['退货地址', 0.9], ['退货运费', 0.9], ['怎么申请', 0.6], ['不想要', 0.4], ['能换', 0.9],
    ['可以换', 0.9], ['让退', 0.8], ['退不退', 0.9], ['包退', 1.0], ['包换', 1.0], ['退款+怎么', 0.5], ['退款+能不能', 0.6], ['退款+可以', 0.5], ['退款+申请', 0.4], ['退款+我要', 0.5],
    [' return', 1.1], [' exchange', 1.1], [' send it back', 1.4], [' send back', 1.3], [' ship it back', 1.3], [' return policy', 1.0],
    [' refund', 0.7], [' money back', 0.5], [' too small', 0.8], [' too big', 0.8], [' too large', 0.8], [' does not fit', 0.8],
    [' doesn fit', 0.8], [' wrong size', 1.0], [' wrong color', 1.0], [' wrong colour', 1.0], [' colour is wrong', 1.0], [' color is wrong', 1.0], [' wrong item', 1.1], [' sent me+instead of', 1.3], [' got+instead of', 1.0], [' received+instead of', 1.2], [' different size', 0.9],
    [' broke', 1.0], [' damaged', 1.0], [' defective', 1.0], [' no sound', 1.0], [' flickering', 1.0], [' flickers', 1.0], [' dead pixel', 1.0], [' keeps restarting', 1.0], [' keeps disconnecting', 1.0], [' returned', -0.5], [' faulty', 0.8], [' not working', 0.6], [' swap', 1.0],
    [' replace', 0.7], [' replacement', 0.5], [' how do i return', 0.6], [' can i return', 0.6], [' can i get a refund', 0.8],
    [' how do i get a refund', 0.8], [' want a refund', 0.8], [' want to return', 0.6], [' eligible', 0.6], [' restocking', 1.2], [' accept returns', 1.0], [' returns on', 0.6], [' final sale', 1.0], [' can i+refund', 0.6], [' can i+money back', 0.8], [' can i+return', 0.6], [' send+back', 0.9], [' if i do not like', 1.0],
    [' return label', 1.0], [' return window', 1.0], [' no reason', 0.8], [' 30 days', 0.4], [' 7 days', 0.4], [' change my mind', 0.6],
    [' changed my mind', 0.6], [' missing', 0.4], [' missing+part', 0.6],
  ],
  cancel_order: [
    ['取消', 1.3], ['取消订单', 1.8], ['不要了', 1.0], ['不想要了', 1.0], ['拍错', 1.2], ['下错', 1.2], ['买错', 1.0], ['撤销', 1.2],
    ['撤单', 1.6], ['单+不要了', 0.8], ['这单不要了', 1.2], ['给我取消', 1.0], ['帮我取消', 1.0], ['撤了', 0.8], ['想取消', 0.6], ['退订', 1.0], ['别发', 1.2], ['不要发', 1.2], ['先别发', 1.4], ['拦截', 0.9], ['重复下单', 1.0], ['重复', 0.5], ['下重复', 0.8], ['下了两单', 0.9],
    [' cancel', 1.6], [' kill the order', 1.6], [' kill the+order', 1.2], [' bail on', 1.4], [' call it off', 1.4], [' whole thing off', 1.2], [' scrap my+order', 1.4], [' scrap the+order', 1.4], [' scrap this+order', 1.4], [' scrap that+order', 1.4], [' cancellation', 1.4], [' do not want it anymore', 0.8], [' no longer want', 0.8], [' ordered by mistake', 1.2],
    [' by mistake', 1.0], [' ordered twice', 1.0], [' duplicate order', 1.0], [' do not ship', 1.2], [' stop the order', 1.4],
    [' stop my order', 1.4], [' void', 1.0], [' wrong order', 0.6], [' accidentally', 0.6],
  ],
  change_address: [
    ['改地址', 1.8], ['修改地址', 1.8], ['换地址', 1.8], ['地址写错', 1.8], ['地址错了', 1.8], ['地址填错', 1.8], ['改收货', 1.6],
    ['修改收货', 1.6], [' street name', 0.6], ['收货地址', 0.9], ['地址', 0.7], ['改一下地址', 1.8], ['改个地址', 1.8], ['改成', 0.4], ['搬家', 0.8],
    ['改电话', 1.4], ['手机号+改', 1.2], ['电话号码+改', 1.0], ['改手机', 1.3], ['电话写错', 1.4], ['电话填错', 1.4], ['写错', 0.4], ['填错', 0.4], ['电话号码', 0.5], ['号码写错', 0.8], ['手机号写错', 1.4], ['收货人', 0.9], ['收件人', 0.9], ['收货电话', 0.8], ['电话换了', 0.8], ['手机号换了', 0.8], ['修改', 0.3], ['改名字', 0.9], ['收货地儿', 1.2], ['换个收货', 1.4],
    ['寄到', 0.4], ['送到公司', 0.9], ['送到家', 0.6], ['改派', 1.2], 
    [' change where', 1.2], [' address', 1.0], [' change my address', 1.0], [' wrong address', 1.0], [' update my address', 1.0], [' shipping address', 0.4],
    [' delivery address', 0.4], [' moved', 0.6], [' redirect', 1.0], [' send it to', 0.6], [' ship it to', 0.6], [' different address', 0.6],
    [' phone number', 0.4], [' phone number+change', 0.8], [' phone number+update', 0.8], [' phone number+wrong', 0.8], [' wrong phone', 0.8], [' recipient', 1.0], [' change+name', 0.5], [' apartment', 0.4], [' apt', 0.4], [' zip code', 1.0],
    [' flat number', 1.0], [' wrong flat', 1.2], [' apartment number', 1.0], [' unit number', 1.0], [' update+phone', 0.9], [' change+phone', 0.9], [' to my office', 1.0], [' sent to+ instead', 1.0], [' to my work', 0.8], [' contact phone', 1.0], [' contact number', 1.0], [' swap+phone', 1.0],
  ],
  invoice: [
    // "can i get a fapiao for my company? need it for reimbursement" (a Guangzhou appliance shop's English buyer, forty-ninth session: an order card).
    [' fapiao', 1.6], [' reimbursement', 0.8],
    ['发票', 2.0], ['开票', 2.0], ['收据', 1.6], ['专票', 2.0], ['普票', 2.0], ['电子票', 1.5], ['抬头', 1.2], ['税号', 1.5], ['报销', 1.0], ['增值税', 1.5],
    [' invoice', 2.0], [' receipt', 1.6], [' vat', 1.2], [' tax id', 1.2], [' billing statement', 1.2], [' company name on', 0.8],
    [' reimburse', 0.8], [' expense', 0.6], [' gst', 1.0],
  ],
  coupon: [
    ['优惠券', 2.0], ['优惠', 1.2], ['券', 0.9], ['折扣', 1.3], ['打折', 1.3], ['满减', 1.5], ['满+减', 1.2], ['活动', 0.8], ['促销', 1.3], ['红包', 1.0],
    ['便宜点', 1.0], ['便宜一点', 1.0], ['便宜些', 1.0], ['减价', 0.8], ['折', 0.3], ['代金', 1.3], ['抵扣', 1.0], ['领券', 1.5],
    ['会员价', 0.9], ['秒杀', 1.0], ['大促', 1.0], ['双十一', 0.4], ['双11', 0.4], ['赠品', 0.4], ['降价', 0.7], ['优惠码', 1.5],
    [' coupon', 2.0], [' spend+save', 1.0], [' discount', 1.5], [' promo', 1.5], [' promotion', 1.5], [' voucher', 1.6], [' deal', 0.8], [' deals', 0.8],
    [' sale', 0.9], [' on sale', 0.6], [' next sale', 0.6], [' code', 0.5], [' cheaper', 1.0], [' better price', 1.0], [' best price', 1.0], [' black friday', 1.0], [' cyber monday', 1.0], [' off ', 0.4], [' % off', 0.8],
    [' price drop', 0.9], [' price adjustment', 0.9], [' loyalty', 0.5], [' gift card', 1.0], [' store credit', 0.7],
  ],
  human: [
    // "yes get someone to chase it", "可以 帮我转一下" (found from outside: offered again, asked "您是想转人工客服吗？").
    // "cannot pay. get me someone", "is anybody working there", "Bitte einen Mitarbeiter" (a Singapore and a Berlin shop,
    // fortieth session: entries offered, "didn't get that").
    [' get me someone', 2.0], [' i want somebody check', 1.6], [' i want someone to check', 1.6], [' i want somebody to check', 1.6], [' i want someone to look', 1.6], [' anybody working there', 1.6], [' anyone working there', 1.6], [' anybody working today', 1.6], [' anyone working today', 1.6],
    [' mitarbeiter', 1.8], [' einen menschen', 1.8], [' medewerker', 1.8],
    [' get someone', 1.6], [' get me somebody', 1.8], [' get somebody', 1.6], [' have somebody', 1.4], [' have someone', 1.4], [' get a person', 1.6], [' get a human', 1.6], [' get an agent', 1.6], ['帮我转一下', 1.6], ['帮我转过去', 1.6], ['申诉', 1.4],
    // Asked whether one must, not asking for one ("9折是自动的还是要联系客服改价": a Shanghai shop, thirty-sixth session, handed over).
    ['还是要联系客服', -1.5], ['还是联系客服', -1.5], ['要不要联系客服', -1.5], ['需要联系客服吗', -1.5], ['要联系客服吗', -1.2], ['联系客服改', -1.0],
    ['人工', 1.5], ['人工客服', 2.0], ['转人工', 2.5], ['真人', 1.7], ['活人', 1.7], ['找客服', 1.3], ['联系客服', 1.0], ['客服呢', 1.1],
    ['要客服', 1.2], ['找个客服', 1.4], ['找客服', 1.2], ['机器人', 0.7], ['找人', 1.0], ['不找人', -1.0], ['找个人', 1.3], ['有没有人', 0.7], ['换个人', 1.2], ['店长', 1.2], ['老板', 0.8], ['谢谢老板', -0.8], ['谢了老板', -0.8], ['多谢老板', -0.8],
    ['掌柜', 1.0], ['小二', 0.8], ['人来', 0.8], ['有人管', 1.0], ['听不懂', 0.6], ['答非所问', 0.8], ['客服出来', 1.3], ['客服来', 1.0], ['不要机器人', 1.5], ['别让机器人', 1.5], ['不想跟机器人', 1.5], ['不想+机器人', 1.2], ['不要+机器人', 1.2], ['别+机器人', 1.0], ['跟人说话', 1.2], ['人说话', 1.0], ['跟人聊', 1.0], ['客服在哪', 1.2], ['工作人员', 1.3], ['能做主', 1.5], ['管事的', 1.4], ['负责人', 1.2],
    [' human', 1.7], [' real person', 1.9], [' a person', 1.0], [' agent', 1.3], [' representative', 1.6], [' live chat', 1.1],
    // An agent told of ("one of your agents said", "a rep set up an exchange") is no person asked for.
    // Asking who answers ("你是真人吗", "are you a real person") is chit-chat the robot answers itself (nlu/identity.ts).
    ['你是真人', -1.7], ['您是真人', -1.7], ['是不是真人', -1.7], ['你是机器', -0.7], [' are you a real person', -1.9], [' are you like a real person', -1.9], [' are you real', -0.5],
    ['工作人员说', -1.3], ['工作人员让', -1.3], ['工作人员跟我说', -1.3], ['工作人员告诉', -1.3], ['工作人员答应', -1.3],
    [' one of your agents', -1.3], [' your agent said', -1.3], [' the agent said', -1.3], [' agent told me', -1.3], [' rep set up', -1.0], [' had a chat with', -0.6],
    [' live agent', 1.5], [' talk to someone', 1.6], [' speak to someone', 1.6], [' speak to', 0.7], [' talk to', 0.5], [' operator', 1.3],
    // "none. can ask ur staff?" after the robot's list (a Singapore shop, forty-fourth session: the hours entry offered).
    [' ask your staff', 1.4], [' ask a staff', 1.4], [' ask the staff', 1.2], [' ask someone', 0.9],
    // "its over a week!! can someone check it" (a Dublin shop, forty-fifth session: "didn't quite get that").
    [' can someone check it', 1.4], [' can someone check this', 1.4], [' can someone look into it', 1.4], [' can someone have a look', 1.4], [' can somebody check it', 1.4], [' get someone to check', 1.4],
    [' manager', 1.2], [' supervisor', 1.3], [' staff', 0.8], [' bot ', 0.6], [' bots ', 0.6], [' robot ', 0.6], [' robots ', 0.6], [' someone real', 1.6], [' not a bot', 1.0],
    [' actual person', 1.8], [' customer service', 0.5], [' support team', 0.8], [' call me', 0.8], [' useless bot', 0.8], [' connect me', 0.8], [' no bot', 1.0], [' no more bot', 1.2], [' do not want+bot', 1.5], [' speak with', 1.0], [' talk with', 0.8], [' chat with', 0.6], [' someone', 0.5],
  ],
  complaint: [
    // Accused of selling unsafe food ("你们香肠是不是拿病猪肉做的哦 才买一个礼拜就胀袋 吃出问题你们负得起责不": a Chengdu shop, forty-fourth
    // session, "not understood").
    // The shop's, not the buyer's own ("放门口就行 丢了我负得起责": found in review).
    ['你们负得起责', 2.2], ['负得起责不', 2.2], ['负得起责吗', 2.2], ['负得起这个责', 1.8], ['病猪肉', 1.6], ['病死猪', 1.6],
    // The buyer's own rudeness, apologised for ("k thanks. sorry for being rude earlier, long week": a Vancouver shop, thirty-eighth
    // session, moved up the queue as a complaint).
    [' sorry for being rude', -4.0], [' sorry i was rude', -4.0], [' sorry i was so rude', -4.0], [' sorry for my rudeness', -4.0], ['我刚才态度不好', -3.0], ['我态度不好', -3.0],
    // And without the "I", apologised for ("钱到了 刚才态度不好 不好意思哈"); a complaint feared from the neighbours is none ("太吵了怕邻居投诉"):
    // a Hangzhou toy shop, forty-second session, both moved up the queue as complaints.
    // Only the fear: "…害我被邻居投诉了 我要投诉你们" is one (found in review).
    ['态度不好+不好意思', -3.0], ['态度不好+sorry', -3.0], ['怕邻居投诉', -3.4], ['怕被投诉', -3.4], ['怕被邻居投诉', -3.4],
    // A complaint taken back ("不用了 不投诉了 周一发就行": a Guangzhou shop, thirty-seventh session, queued again ahead of the others).
    // "rubbish service tbh" (a London shop, thirty-seventh session: "didn't quite get that").
    [' rubbish service', 1.6], [' shocking service', 1.6], [' terrible service', 1.6], [' awful service', 1.6], [' worst service', 1.6],
    // The service said to be so the other way round ("ur service is absolute rubbish, ordered 2 weeks ago and nothing": a Brisbane shop,
    // forty-eighth session, "didn't quite get that").
    [' service is+rubbish', 1.6], [' service is+terrible', 1.6], [' service is+shocking', 1.6], [' service is+awful', 1.6], [' service is+a joke', 1.6], [' service is+useless', 1.6], [' service is+crap', 1.6], [' service is+shit', 1.6],
    ['投诉', 2.5], ['不投诉', -2.6], ['没投诉', -2.6], ['差评', 1.7], ['举报', 1.8], ['12315', 2.5], ['消协', 2.5], ['消费者协会', 2.5], ['工商', 1.5], ['太差', 1.0],
    ['垃圾', 1.3], ['骗子', 1.8], ['诈骗', 1.8], ['检举', 1.5], ['消保', 1.5], ['骗人', 1.5], ['欺骗', 1.5], ['坑人', 1.3], ['坑爹', 1.2], ['服务态度', 1.0], ['态度差', 1.5], ['态度很差', 1.6], ['态度不好', 1.4], ['态度恶劣', 1.6],
    ['态度太差', 1.6], ['恶心', 1.1], ['气死', 1.3], ['生气', 0.9], ['什么破', 1.3], ['破店', 1.6], ['黑店', 1.8], ['维权', 1.8],
    // The service called stupid ("你们这客服太笨了 问啥都不知道": found from outside, offered the service hours entry).
    ['太笨', 1.2], ['好笨', 1.0], ['真笨', 1.0], ['笨死', 1.2], ['什么都不知道', 0.9], ['什么都不懂', 0.9], [' stupid', 0.9], [' so dumb', 0.9], [' idiot', 1.0],
    ['曝光', 1.5], ['太过分', 1.6], ['过分', 0.8], ['无语', 0.7], ['失望', 0.8], ['再也不', 1.0], ['一星', 1.2], ['差劲', 1.3],
    ['不负责', 1.2], ['敷衍', 1.0], ['糊弄', 1.0], ['忽悠', 1.0], ['要赔偿', 1.2], ['赔偿', 0.7], ['律师', 1.5], ['起诉', 1.8],
    // Disputing a refusal ("凭什么拒绝", "我不服", "你们就是不想退吧", "thats bs": found from outside, an FAQ list).
    ['凭什么', 1.3], ['不服', 1.3], ['就是不想退', 1.6], ['就是不想给退', 1.6], [' thats bs', 1.6], [" that's bs", 1.6], [' you guys lost', 1.2],
    // Venting at the shop's pace ("你们太慢了", "半天没人理": found from outside, "not understood" after leaving the queue).
    ['你们太慢', 1.4], ['你们好慢', 1.4], ['你们也太慢', 1.4], ['你们效率', 1.0], ['效率太低', 1.2], ['没人理', 1.2], ['没人回', 1.0], ['半天没人', 1.2],
    [' you guys+slow', 1.2], [' you are+slow', 1.0], [" you're+slow", 1.0], [' nobody+answer', 1.0], [' nobody+respond', 1.0], [' no one+answer', 1.0], [' no one+respond', 1.0],
    // "八千多的沙发你们就这么对待客户？？", "爛透了", "很扯耶" (a furniture and a Taiwanese shop, twenty-fifth session: not understood).
    // Not "你们对待客户真好" (praise), "草莓烂透了" (rotten goods), "这裤子很扯" (stretchy): found in review.
    ['就这么对待', 1.6], ['这样对待客户', 1.6], ['这么对待客户', 1.6], ['烂透了吧', 1.6], ['你们烂透', 1.6], ['服务烂透', 1.6], ['很扯耶', 1.2], ['很扯欸', 1.2], ['太扯了', 1.2], ['超扯', 1.2],
    ['什么玩意', 1.2], ['离谱', 0.9], ['坑', 0.5], ['假货', 1.1], ['黑心', 1.6], ['看着办', 1.0], ['太垃圾', 0.5],
    // Abuse at the shop is an angry buyer: a person, ahead of the queue (found from outside: "你们就是傻逼" was asked "您是想投诉吗？").
    ['傻逼', 1.8], ['煞笔', 1.8], ['傻b', 1.8], ['脑残', 1.6], ['智障', 1.6], ['白痴', 1.4], ['废物', 1.3], ['去死', 1.8], ['妈的', 1.2], ['操你', 1.8], ['滚蛋', 1.4],
    // Not abuse (found in review): 妈妈的 (mum's), 他妈的礼物 (his mother's), 去死皮 (exfoliating); 草泥马 is also an alpaca toy.
    ['妈妈的', -1.2], ['他妈的生日', -1.2], ['他妈的礼物', -1.2], ['去死皮', -1.8], ['去死角', -1.8],
    // "我用我妈的身份证下单可以吗" is the buyer's mother's (found from outside: a complaint, ahead of the queue).
    ['我妈的', -1.2], ['给我妈的', -0.4],
    // Irish and British anger ("ye are a joke, cancelling my order after taking my money": found from outside, "all your orders were cancelled").
    [' are a joke', 1.6], [' a disgrace', 1.6], [' giving out', 0.9], [' absolute joke', 1.6],
    // A consumer body threatened ("if they knock it back i'm going to fair trading": a Sydney shop, thirty-third session).
    [' fair trading', 1.8], [' accc', 1.8], [' consumer affairs', 1.8], [' trading standards', 1.8], [' ombudsman', 1.6],
    [' fuck', 1.8], [' bullshit', 1.6], [' idiots', 1.6], [' morons', 1.6], [' stupid shop', 1.6], [' screw you', 1.8],
    [' complain', 2.2], [' complaint', 2.5], [' terrible', 1.0], [' awful', 1.0], [' worst', 1.2], [' scam', 1.8], [' ridiculous', 1.0],
    [' unacceptable', 1.2], [' disappointed', 0.9], [' disappointing', 0.9], [' angry', 0.9], [' furious', 1.2], [' fraud', 1.8],
    [' report you', 1.5], [' reporting you', 1.5], [' posting everywhere', 1.5], [' is trash', 0.9], [' are trash', 0.9], [' report this', 1.5], [' report+store', 1.0], [' report+shop', 1.0], [' bbb', 1.2], [' lawyer', 1.5], [' sue ', 1.5], [' chargeback', 1.2], [' disput', 1.5], [' crook', 1.5], [' liar', 1.2], [' report+你们', 1.2], [' charge back', 1.2], [' is a joke', 1.2], [' rip off', 1.5], [' ripoff', 1.5],
    [' never again', 1.0], [' never buying', 1.2], [' 1 star', 1.2], [' one star', 1.2], [' bad review', 1.5], [' wtf', 0.8],
    // Service called bad beside a wrong item ("so lousy service", "very bad service"): the complaint comes first (found in review).
    [' lousy', 1.0], [' bad service', 1.4], [' poor service', 1.4], [' lousy service', 1.2],
    // Singlish exasperation: "walao why so many question also cannot answer" (found from outside: "did you mean"); not "walao so nice" (found in review).
    [' also cannot answer', 1.4], [' cannot answer', 0.6],
    [' useless', 0.7], [' pathetic', 1.0], [' horrible', 1.0], [' disgusting', 1.0], [' rude', 1.0], [' fake', 0.6],
    [' compensation', 1.0], [' compensate', 1.0], [' sick of', 0.9], [' fed up', 1.0], [' joke', 0.3],
    [' thieves', 1.5], [' thief', 1.2], [' stealing', 1.0], [' disgraceful', 1.2], [' trading standards', 2.0], [' consumer protection', 2.0], [' ftc', 1.5],
  ],
  greeting: [
    ['哈啰', 1.0], [' quick question', 0.6],
    // "那个香奈儿cf还在吗": is the item still there (for sale), no greeting (found from outside).
    ['那个+还在吗', -1.6], ['这个+还在吗', -1.6], ['这款+还在', -1.6], ['那款+还在', -1.6], ['那个还在吗', 1.6], ['这个还在吗', 1.6],
    ['你好', 1.2], ['您好', 1.2], ['在吗', 1.5], ['在么', 1.5], ['在不在', 1.5], ['有人吗', 1.2], ['有人在吗', 1.3], ['哈喽', 1.2],
    // A call's "hello?" ("喂", "喂？": found from outside, not understood, then a hand-over).
    [' 喂 ', 1.0],
    ['嗨', 1.0], ['哈佬', 1.2], ['早上好', 1.2], ['晚上好', 1.2], ['下午好', 1.2], ['早安', 1.0], [' 早 ', 1.2], ['早啊', 1.2], ['亲', 0.5], ['客服', 0.3],
    [' hello', 1.2], [' hi ', 1.2], [' hey', 1.1], [' hiya', 1.1], [' good morning', 1.2], [' morning', 0.9],
    // A time of day, no hello: "its been sat in manchester since friday morning" (a London shop, forty-first session: the greeting menu).
    ['day morning', -0.6], [' this morning', -0.6], [' tomorrow morning', -0.6], [' the morning', -0.6], [' every morning', -0.6], [' good afternoon', 1.2], [' good evening', 1.2],
    [' 在 ', 1.3], [' 人呢', 1.0], [' anyone there', 1.3], [' anybody there', 1.3], [' anybody home', 1.2], [' anyone home', 1.2], ['有人没 ', 1.3], [' is anyone', 0.8], [' yo ', 1.1], [' greetings', 1.2], [' howdy', 1.2],
    // "how ya going" is Australia's hello (found from outside: "not sure").
    // "how ya going" (read "how yes going": tables.ts), only as a hello: "how ya going with my order" asks about the order (found in review).
    [' how yes going', 1.4], ['going with', -1.4], [' g day', 1.2], [' gday', 1.2], [" g'day", 1.2],
    // "hey hows it goin" (a Sydney shop, thirty-third session: "not sure", a miss counted).
    [' hows it go', 1.4], [' how is it go', 1.2],
    // "alright mate" is a British hello, not an "ok" (found from outside: "You're welcome!").
    [' alright mate', 1.6], [' you alright', 1.2], [' hiya mate', 1.2],
  ],
  bye: [
    [' see yes', 1.2], [' cya', 1.2],
    ['谢谢', 1.5], ['感谢', 1.2], ['多谢', 1.5], ['谢啦', 1.5], ['谢了', 1.5], ['3q', 1.2], ['拜拜', 1.5], ['掰掰', 1.5], ['再见', 1.5], ['没事了', 1.3],
    // 拜拜 is also worship in Minnan and Taiwan ("過年拜拜用": a Xiamen shop, thirty-eighth session, told goodbye).
    ['拜拜用', -3.0], ['拜拜的', -2.0], ['拜拜要', -2.0], ['拜神', -1.0], ['拜拜拜', -1.5],
    ['没问题了', 1.2], ['知道了', 0.9], ['明白了', 0.9], ['好的', 0.5], ['辛苦', 1.0], ['解决了', 1.0], ['不用了', 0.9], ['好嘞', 0.7], ['行嘞', 0.7], ['没什么事了', 1.3],
    ['ok了', 0.9], ['好哒', 1.0], ['麻烦了', 0.8], ['了解了', 0.9], ['了解', 0.4],
    // "宝宝哭了 先不说了": leaving the chat for now, no question (found from outside: "not sure, a person?").
    // Leaving to do it oneself ("no its fine ill check later", "要得 那我先下单了", "ok 那我换个号问": found from outside,
    // the parcel again and unrelated entries offered).
    // Irish thanks, and Sichuan "晓得了" (got it): found from outside, not understood.
    [' go raibh maith agat', 1.6], [' go raibh maith', 1.4], ['晓得了', 0.9],
    [' check later', 1.4], [' check back later', 1.4], [' check it later', 1.4], [' i order first', 1.2], ['换个号问', 1.4], ['换个账号问', 1.4],
    ['先不说了', 1.8], ['回头再说', 1.4], ['晚点再说', 1.4], ['晚点再聊', 1.4], ['有空再说', 1.4], ['先这样吧', 1.2], [' talk later', 1.4], [' gotta go', 1.4], [' got to go', 1.4],
    [' thanks', 1.5], [' thank you', 1.5], [' ta ', 1.2], [' 88 ', 1.2], [' 886 ', 1.2], [' thank', 1.2], [' bye', 1.5], [' goodbye', 1.5], [' that is all', 1.2], [' got it', 0.9], [' never got it', -0.9], [" didn't get it", -0.9],
    // "brill, cheers" (a Manchester bakery, forty-ninth session: handed to a person as a miss).
    [' brill ', 0.6],
    // "謝謝你，很有幫助" (a Hong Kong phone shop, forty-ninth session: offered the discount entry).
    ['很有帮助', 1.2], [' very helpful', 1.2], [' so helpful', 1.2], [' really helpful', 1.2],
    [' appreciate', 1.2], [' cheers', 1.0], [' have a nice day', 1.2], [' have a good day', 1.2], [' have a good one', 1.2], [' see you', 1.0], [' all good', 0.9],
    [' that helps', 1.0], [' if that helps', -1.0], [' thanksgiving', -2.7], [' happy thanksgiving', 2.7], [' helpful', 0.8], [' great thanks', 0.5], [' cool', 0.4], [' ok ', 0.3], [' nevermind', 1.0], [' never mind', 1.0],
    // A question after it is no goodbye ("nvm. do u guys sell the beef jerky in non spicy": found from outside, "Great. Message me any time").
    [' never mind+ do you', -1.2], [' never mind+ does', -1.2], [' never mind+ can i', -1.2], [' never mind+ can you', -1.2], [' never mind+ is there', -1.0], [' never mind+ how', -0.8], [' never mind+ what', -0.8],
  ],
  faq: [
    // Dispatch put off ("can you hold off sending the brownies till next monday", "Can I push it back to Saturday instead?": a Manchester
    // bakery, forty-ninth session, offered the discount entry and the returns policy).
    [' hold off', 1.4], [' push it back', 1.2], [' push back', 1.0], [' postpone', 1.2], [' delivery date', 0.9], ['推迟发货', 1.2], ['晚点发', 0.9], ['先别发', 1.2], ['改期', 0.9],
    // "好，門市在哪裡？", "旺角門市喺邊度？" (the same shop: "no orders found", a locker's tracking).
    ['门市', 0.6], ['门市在哪', 1.6], ['门市+边度', 1.6], ['门市+哪里', 1.4], ['店铺在哪', 1.2], ['店在哪', 0.8], ['铺头', 1.0],
    // "宿舍限电 800w的水壶会跳闸吗" (the same shop: the cancelled order's card).
    ['跳闸', 1.2], [' trip the breaker', 1.2], [' trip the fuse', 1.2],
    // The shop's own place asked ("where is the Ubi shop exactly and what time can I come?": a Singapore hobby shop, forty-ninth session,
    // given the parcel's tracking twice).
    [' what time can i come', 1.4], [' can i come down', 1.2], [' come down to', 0.8], [' where is+ shop exactly', 1.0], [' where is+ store exactly', 1.0],
    [' where is the+ shop', 0.7], [' where is your+ shop', 0.7], [' shop address', 1.2], [' store address', 1.2], [' walk in', 0.8], [' walk-in', 0.8],
    // "这周六客服在吗": whether someone answers on a day, not a greeting.
    ['周六+客服', 1.3], ['周日+客服', 1.3], ['周末+客服', 1.3], ['节假日+客服', 1.3], ['假期+客服', 1.2],
    [' assembly', 0.9], ['适合几岁', 1.2], ['几岁能玩', 1.0], ['几岁能用', 1.0], ['几岁可以', 0.8], [' assembly required', 1.0], [' free ship ', 1.0],
    ['什么快递', 1.5], [' ship with', 1.0], ['哪家快递', 1.5], ['哪个快递', 1.5], ['用什么快递', 0.5], ['发什么', 0.8], ['默认快递', 1.4], ['能发顺丰', 1.3],
    ['指定快递', 1.4], ['运费', 1.2], ['邮费', 1.2], ['包邮', 1.2], ['尺码', 0.8], ['尺寸', 0.8], ['码数', 0.8], ['怎么选', 0.7],
    ['选哪个码', 1.0], ['材质', 1.2], ['面料', 1.2], ['成分', 1.0], ['保修', 1.5], ['质保', 1.5], ['正品', 1.2], ['真的假的', 0.6],
    ['发货地', 1.2], ['从哪发', 1.2], ['哪里发', 1.0], ['仓库在', 1.0], ['营业时间', 1.5], ['上班时间', 1.5], ['客服时间', 1.5],
    ['几点上班', 1.5], ['几点下班', 1.5], ['实体店', 1.3], ['门店', 1.0], ['支付方式', 1.3], ['花呗', 1.3], ['信用卡', 1.2],
    ['分期', 1.2], ['货到付款', 1.4], ['海外', 1.0], ['国外', 1.0], ['港澳台', 1.0], ['香港', 0.6], ['澳门', 0.6], ['台湾', 0.6], ['有货吗', 1.2], ['有货', 0.8], ['库存', 1.1],
    ['补货', 1.2], ['缺货', 1.0], ['预售', 1.1], ['积分', 1.1], ['会员', 0.8], ['价保', 1.4], ['保价', 1.4], ['安装', 1.0],
    ['说明书', 1.1], ['怎么用', 0.7], ['使用方法', 1.0], ['洗', 0.5], ['机洗', 1.2], ['纯棉', 1.0], ['掉色', 1.2], ['起球', 1.2], ['缩水', 1.2], ['多大码', 1.2], ['穿+码', 0.8], ['棉', 0.5], ['真皮', 1.0], ['羊毛', 0.8], ['涤纶', 1.0], ['运费+多少', 0.5], ['保质期', 1.2], ['适合', 0.6], ['包装', 0.5],
    ['礼盒', 0.9], ['偏远', 0.9], ['新疆', 0.7], ['西藏', 0.7], ['运费险', 1.2], ['偏大', 0.8], ['偏小', 0.8], ['身高', 0.8], ['体重', 0.8],
    ['能寄到', 0.6], ['送货上门', 1.0], ['刻字', 1.0], ['刻子', 1.0], ['电磁炉', 1.2], ['开刃', 1.2], ['开过刃', 1.2], ['色的吗', 0.8], ['刻+字母', 1.0], ['足金', 1.0], ['纯金', 1.0], ['镀金', 1.0], ['k金', 1.0], ['纯银', 1.0], ['天然', 0.8], ['养殖', 0.8], ['过敏', 1.0], ['圈号', 1.2], ['圈口', 1.2], ['手寸', 1.2], ['改圈', 1.2], ['保养', 1.2], ['清洗', 1.0], ['碰水', 1.0], ['氧化', 0.8], ['维修', 1.0], ['以旧换新', 1.2], ['换新的', 0.6], ['有现货', 1.2], ['现货吗', 1.0], ['定制', 1.0], ['批发', 1.0], ['发货时间', 0.6], ['几点前', 0.8],
    [' which courier', 1.5], [' what courier', 1.5], [' which carrier', 1.5], [' what carrier', 1.5], [' which shipping', 1.2],
    [' delivery free', 1.2], [' free delivery', 1.2], [' australia', 0.8], [' canada', 0.8], [' the uk', 0.8], [' the us ', 0.6], [' usa', 0.8], [' japan', 0.8], [' singapore', 0.8], [' europe', 0.8], [' germany', 0.8], [' france', 0.8],
    [' shipping fee', 1.2], [' shipping cost', 1.2], [' delivery fee', 1.2], [' shipping charge', 1.2], [' free shipping', 1.2],
    [' shipping to', 0.6], [' ship to', 0.8], [' you deliver to', 0.8], [' u deliver to', 0.8], [' ship from', 1.2], [' ships from', 1.2], [' size chart', 1.4], [' sizing', 1.2],
    [' what size', 1.0], [' size guide', 1.4], [' fit ', 0.4], [' material', 1.2], [' made of', 1.2], [' fabric', 1.2],
    [' warranty', 1.3], [' guarantee', 1.0], [' authentic', 1.3], [' genuine', 1.3], [' original', 0.8], [' legit', 0.8],
    [' business hours', 1.5], [' your hours', 1.2], [' hours', 0.5], [' opening hours', 1.5], [' open on', 1.0], [' what time', 0.6], [' physical store', 1.4],
    [' payment method', 1.3], [' pay with', 1.3], [' paypal', 1.4], [' credit card', 1.2], [' apple pay', 1.3], [' installment', 1.2], [' cash on delivery', 1.5],
    [' international', 1.0], [' overseas', 1.0], [' in stock', 1.3], [' restock ', 1.3], [' restocked', 1.3], [' out of stock', 1.2], [' back in stock', 1.3],
    [' pre order', 1.1], [' preorder', 1.1], [' points', 1.0], [' membership', 1.0], [' price match', 1.2], [' price protection', 1.4],
    [' install', 1.0], [' manual', 1.0], [' instructions', 1.0], [' wash', 0.9], [' cotton', 1.0], [' polyester', 1.0], [' leather', 1.0], [' wool', 1.0], [' silk', 1.0], [' shipping+how much', 0.8], [' how much+deliver', 0.6], [' washable', 1.2], [' expiry', 1.2], [' expiration', 1.2],
    [' come with', 1.0], [' charger', 1.0], [' included', 0.8], [' gift wrap', 1.4], [' engrav', 1.3], [' custom', 0.8], [' wholesale', 1.2], [' bulk', 0.8], [' do you ship', 0.9],
    // "ok thanks, last q - do u guys sell resin for elegoo mars 4" (a Singapore hobby shop, forty-ninth session: a goodbye, the question dropped).
    [' you guys sell', 1.0], [' you guys stock', 1.0], [' you guys carry', 1.0], [' you guys have', 0.7],
    [' do you sell', 0.9], [' do you have', 0.7], [' same day', 0.8], [' express shipping', 1.0], [' cutoff', 1.2], [' cut off', 1.0],
    [' usually', 0.5], [' normally', 0.5], [' shipping free', 1.2], [' is shipping', 0.5],
    ['赠品', 0.9], ['送什么', 0.6], ['客服上班', 1.2], ['值班', 1.0], ['上班吗', 0.8], ['送到楼上', 1.2], ['顺丰还是中通', 1.4], ['中通还是顺丰', 1.4], ['顺丰还是圆通', 1.4], ['圆通还是顺丰', 1.4], ['中通还是圆通', 1.4], ['圆通还是中通', 1.4], ['适配', 1.0], ['兼容', 1.0], ['搬上楼', 1.2], ['上楼', 0.8], ['超商取货', 1.4], ['超商+取', 1.2], ['自提', 1.0], [' upstairs', 1.0], [' up the stairs', 1.0], [' curb', 0.6], [' curbside', 0.8], ['带上飞机', 1.2], ['上飞机', 1.0], [' on a plane', 1.0], [' on planes', 1.0], [' on the plane', 1.0], [' carry on', 0.6], [' support open', 1.2], [' open tomorrow', 0.8], [' freebie', 1.0], [' free gift', 1.0], [' waterproof', 1.0], [' compatible', 1.0], [' plated', 1.0], [' pfoa', 1.2], [' dishwasher', 1.0], [' seasoning', 1.0], [' rust', 0.8], [' non stick', 1.0], [' nonstick', 1.0], [' coating', 1.0], [' solid gold', 1.0], [' solid+gold', 0.8], [' 14k', 1.0], [' 18k', 1.0], [' sterling', 1.0], [' nickel', 1.0], [' hypoallergenic', 1.2], [' allergic', 0.8], [' resize', 1.2], [' ring size', 1.2], [' initials', 1.0], [' repairs', 1.0], [' repair+watch', 1.0], [' tarnish', 1.0], [' cleaner', 0.8], [' trade in', 1.0], [' trade+upgrade', 1.0], [' gift receipt', 1.2], [' without+receipt', 0.8],
  ],
};

/**
 * Phrases that cancel the cue right after them in the same clause ("不要转人工", "not asking about
 * the refund"). A cue that starts where the negator starts is not negated ("不要了" is its own cue).
 */
export const NEGATORS: readonly string[] = [
  '不是问', '不是要', '不是说', '不是', '不要', '不用', '不想', '不需要', '别', '无需', '没说', '没问', '没要', '并非',
  ' do not want', ' do not need', ' no need', ' not asking', ' not about', ' not looking for', ' i am not', ' not a ', ' not the ',
  ' rather than', ' instead of', ' without',
];

/** Intents that yield to any substantive intent in the same message ("你好，我的快递到哪了"). */
export const WEAK_INTENTS: ReadonlySet<ScoredIntent> = new Set(['greeting', 'bye']);

/** Intents that win over the rest once clearly present, in this order. */
export const OVERRIDES: readonly { intent: ScoredIntent; min: number }[] = [
  { intent: 'complaint', min: 1.6 },
  { intent: 'human', min: 1.6 },
];

/** Replies that answer a yes/no question from the robot. Matched against the whole clause. */
export const YES_WORDS = new Set([
  '是', '是的', '对', '对的', '对啊', '嗯', '嗯嗯', '好', '好的', '好啊', '好呀', '行', '可以', '要', '需要', '要的', '需要的', '没错', '确定', '转吧', '转',
  // Cantonese (係, folded to 系): a "yes" read as a miss handed over (found from outside, a Hong Kong buyer).
  // Not 得 or 没问题: in Mandarin "得，那我再等等吧", "没问题了" are "fine, never mind" (found in review).
  '系', '系呀', '系啊', '系的', '系咯',
  // A yes that asks to be quick, or thanks ahead ("系呀 快啲", "嗯嗯 麻烦了" to "shall I get a person?": found from outside, read as a goodbye).
  '快点', '快点吧', '要啊', '要呀', '要吧', '需要啊', '麻烦了', '麻烦你了', '麻烦您了', '拜托了', '有劳',
  'yes', 'yes please', 'sure', 'ok', 'okay', 'yes sure', 'right', 'correct', 'please', 'please do', 'go ahead', 'do it', 'y', 'yes i do', 'i do',
  // Malay "ya boleh" as read (tables.ts MALAY_WORDS): a yes read as a miss (found from outside).
  'yes can', 'can', 'betul',
  // British and emphatic yeses ("go on then", "yes go on", "Indeed.", "yes obviously": a Bristol shop, thirty-fifth
  // session: each read as a new question, the offer lost); Cantonese 啱 ("right") and "快啲講" ("tell me, quick").
  'go on', 'go on then', 'yes go on', 'yes go on then', 'yes please go on', 'indeed', 'yes indeed', 'obviously', 'yes obviously', 'of course', 'yes of course',
  'absolutely', 'yes absolutely', 'definitely', 'yes definitely', 'sure thing', 'go for it', 'please go ahead', 'yes go ahead', 'yes please go ahead',
  '啱', '啱呀', '啱啊', '快点讲', '快点说', '讲吧', '说吧',
  // British and Malay "ye" ("ye la", "ye go on then"), here and not as a spelling of "yes": it is pinyin's 也, 夜, 业 too.
  'ye', 'ye please', 'ye go on', 'ye go on then', 'ye sure',
  // Sichuan's and the north's ("对头", "要得", "好嘛转嘛", "必须的": a Chengdu and a Beijing shop, thirty-sixth session: a miss,
  // or a goodbye for a person accepted); 是噻 is 是 with Sichuan's particle (TRAILING_PARTICLES).
  '对头', '对头的', '要得', '好嘛', '转嘛', '必须的', '必须',
  // The north of England's and Scotland's yes (a Manchester shop, thirty-sixth session).
  'aye', 'aye go on', 'aye please', 'aye ta',
  // Ireland's "go on so" (a Dublin shop, forty-fifth session: "aye go on so" was "not sure").
  'go on so', 'aye go on so', 'aye go on then', 'yes go on so', 'grand go on',
  // The northeast's ("嗯呐", "昂", "昂 是": a Harbin shop, thirty-eighth session: misses that handed buyers to an empty queue), and
  // Spanish beside English ("si": a New York shop).
  '嗯呐', '嗯哪', '嗯那', '昂', '昂昂', '中', 'si', 'sí',
  // German and Dutch (a Berlin shop, fortieth session: "ja" was "didn't get that", and the offer forgotten).
  'ja', 'ja bitte', 'ja gerne', 'ja graag', 'jawohl', 'jawel', 'ja klar', 'oui',
]);
export const NO_WORDS = new Set([
  // Minnan and Taiwan's "no need" ("免啦…多謝" to "shall I get a person?": a Xiamen shop, thirty-eighth session, handed over).
  '免', '免啦', '免了', '免免',
  '不', '不是', '不要', '不用', '不用了', '不需要', '算了', '算啦', '不必', '没有', '不对', '别', '否', '唔系', '唔要', '唔使', 'no', 'no thanks', 'no thank you', 'not really', 'never mind', 'nevermind', 'n', 'nothing',
  // "没事", "nah im good" to "shall I get a person?" (found from outside: a hand-over, an FAQ offer).
  '没事', '没事了', '没关系', '先不用', '暂时不用', '先不用了', 'i am good', 'i am ok', 'i am fine', 'no i am good', 'no i am ok', 'no i am fine', 'all good', 'no all good',
  // Australia's "yeah nah" (read "yes no") is a no (a Sydney shop, thirty-third session: a miss counted).
  'yes no',
  // "nah dont worry" (a Manchester bakery, forty-ninth session: "didn't quite get that").
  // "no need lah. just asking", "no is ok, i wait" (a Singapore and a Denver shop, forty-ninth session: "didn't get that", a person offered).
  'no need', 'no need thanks', 'no is ok', 'no is fine', 'no it is ok', 'no its ok',
  'nah', 'nah thanks', 'dont worry', 'do not worry', 'nah dont worry', 'nah do not worry', 'no dont worry', 'no do not worry', 'nah its ok', 'nah it is ok', 'nah all good',
  'nein', 'nein danke', 'nee', 'nee dank je', 'non',
]);
