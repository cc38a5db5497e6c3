/**
 * Small lookup tables for normalisation. They are deliberately short: the characters and words
 * buyers actually type in shop chats, not a dictionary. Adding a line here is the cheap way to
 * teach the robot a new spelling.
 */

/** Traditional → simplified for the characters that show up in shopping chats (pairs of chars). */
const TRAD_SIMP_PAIRS =
  '貨货遞递訂订單单錢钱號号幾几麼么還还沒没時时間间發发換换個个買买賣卖態态裡里裏里們们請请問问嗎吗謝谢說说這这為为務务' +
  '運运費费電电話话碼码達达況况處处從从東东訊讯戶户過过讓让給给優优聯联繫系係系關关開开寫写該该員员點点樣样頭头實实現现' +
  '經经轉转專专應应長长門门區区機机幫帮詢询聽听誤误錯错壞坏損损質质當当對对後后會会來来標标準准氣气訴诉詐诈騙骗營营業业' +
  '約约選选擇择題题類类種种顏颜郵邮遲迟預预計计週周禮礼購购貼贴贈赠紅红價价滿满減减額额餘余帳账賬账資资閱阅讀读歡欢見见' +
  '據据證证稅税補补償偿賠赔邊边節节雙双總总結结別别擔担憂忧無无須须連连絡络線线網网頁页圖图導导進进狀状將将規规則则條条' +
  '隨随壓压趕赶緊紧饋馈聲声鐘钟煩烦囉啰裝装驗验險险簽签掃扫獲获倉仓庫库寄寄鬧闹麵面爛烂廢废垃垃圾圾騷骚擾扰醜丑嚴严' +
  '重重寶宝貝贝體体驗验紀纪錄录確确認认攜携帶带區区縣县鎮镇鄉乡館馆廳厅樓楼鐵铁車车廠厂產产品品齊齐壽寿儲储蓄蓄攤摊談谈' +
  '辦办護护療疗藥药飯饭雞鸡魚鱼鳥鸟鞋鞋襪袜褲裤衛卫紙纸筆笔記记腦脑錶表鏡镜燈灯櫃柜牀床傘伞鍋锅碗碗盤盘杯杯瓶瓶箱箱袋袋' +
  '顯显啟启喚唤嗎吗呢呢啊啊囉啰哪哪麽么麼么於于與与嗇啬歲岁愛爱夠够簡简單单複复雜杂習习慣惯順顺亂乱舊旧鮮鲜嘗尝試试';

export const TRAD_TO_SIMP: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  const chars = Array.from(TRAD_SIMP_PAIRS);
  for (let i = 0; i + 1 < chars.length; i += 2) {
    const t = chars[i]!;
    const s = chars[i + 1]!;
    if (t !== s) m.set(t, s);
  }
  return m;
})();

/**
 * Latin words buyers type for Chinese ones (pinyin, often without tones). They are mapped to Han
 * so one Chinese cue covers both, and they count as Chinese for language detection.
 */
export const PINYIN_WORDS: ReadonlyMap<string, string> = new Map([
  ['kuaidi', '快递'],
  ['wuliu', '物流'],
  ['tuikuan', '退款'],
  ['tuihuo', '退货'],
  ['huanhuo', '换货'],
  ['fahuo', '发货'],
  ['fapiao', '发票'],
  ['rengong', '人工'],
  ['kefu', '客服'],
  ['dingdan', '订单'],
  ['youhuiquan', '优惠券'],
  ['xiexie', '谢谢'],
  ['nihao', '你好'],
  ['zaima', '在吗'],
  ['baoyou', '包邮'],
  ['quxiao', '取消'],
  ['tousu', '投诉'],
  ['dizhi', '地址'],
  ['shouhou', '售后'],
]);

/**
 * English contractions, slang and common typos, word for word. Contractions are expanded so
 * "where's" and "wheres" meet the cue "where is"; typos map to the correct spelling.
 */
export const EN_WORDS: ReadonlyMap<string, string> = new Map([
  ["where's", 'where is'],
  ['wheres', 'where is'],
  ["what's", 'what is'],
  ['whats', 'what is'],
  ["how's", 'how is'],
  ["it's", 'it is'],
  ["that's", 'that is'],
  ["there's", 'there is'],
  ["hasn't", 'has not'],
  ['hasnt', 'has not'],
  ["haven't", 'have not'],
  ['havent', 'have not'],
  ["hadn't", 'had not'],
  ["didn't", 'did not'],
  ['didnt', 'did not'],
  ["don't", 'do not'],
  ['dont', 'do not'],
  ["doesn't", 'does not'],
  ['doesnt', 'does not'],
  ["isn't", 'is not'],
  ['isnt', 'is not'],
  ["wasn't", 'was not'],
  ['wasnt', 'was not'],
  ["aren't", 'are not'],
  ["can't", 'cannot'],
  ['cant', 'cannot'],
  ["couldn't", 'could not'],
  ["won't", 'will not'],
  ["wouldn't", 'would not'],
  ["i'm", 'i am'],
  ['im', 'i am'],
  ["i've", 'i have'],
  ['ive', 'i have'],
  ["i'd", 'i would'],
  ["i'll", 'i will'],
  ["you're", 'you are'],
  ["y'all", 'you all'],
  ["let's", 'let us'],
  ['u', 'you'],
  ['ur', 'your'],
  ['r', 'are'],
  ['pls', 'please'],
  ['plz', 'please'],
  ['plse', 'please'],
  ['pleas', 'please'],
  ['thx', 'thanks'],
  ['thnx', 'thanks'],
  ['thanx', 'thanks'],
  ['tks', 'thanks'],
  ['ty', 'thanks'],
  ['tysm', 'thanks'],
  ['thankyou', 'thank you'],
  ['pkg', 'package'],
  ['pckg', 'package'],
  ['pkge', 'package'],
  ['pakage', 'package'],
  ['packge', 'package'],
  ['pacakge', 'package'],
  ['packag', 'package'],
  ['parcle', 'parcel'],
  ['parsel', 'parcel'],
  ['refnd', 'refund'],
  ['refud', 'refund'],
  ['refudn', 'refund'],
  ['refun', 'refund'],
  ['rufund', 'refund'],
  ['refunf', 'refund'],
  ['recieve', 'receive'],
  ['recieved', 'received'],
  ['recived', 'received'],
  ['receieved', 'received'],
  ['reciept', 'receipt'],
  ['adress', 'address'],
  ['addres', 'address'],
  ['adresss', 'address'],
  ['addy', 'address'],
  ['cancle', 'cancel'],
  ['cancell', 'cancel'],
  ['cancl', 'cancel'],
  ['cancelation', 'cancellation'],
  ['delievery', 'delivery'],
  ['delivary', 'delivery'],
  ['delivry', 'delivery'],
  ['deliver', 'deliver'],
  ['deliverd', 'delivered'],
  ['shiped', 'shipped'],
  ['shippd', 'shipped'],
  ['shipd', 'shipped'],
  ['trak', 'track'],
  ['trakcing', 'tracking'],
  ['trackin', 'tracking'],
  ['tracknig', 'tracking'],
  ['oder', 'order'],
  ['ordr', 'order'],
  ['odrer', 'order'],
  ['orde', 'order'],
  ['invoce', 'invoice'],
  ['invioce', 'invoice'],
  ['cupon', 'coupon'],
  ['copoun', 'coupon'],
  ['coupn', 'coupon'],
  ['cuopon', 'coupon'],
  ['retrun', 'return'],
  ['reutrn', 'return'],
  ['retun', 'return'],
  ['exchnage', 'exchange'],
  ['exhange', 'exchange'],
  ['wen', 'when'],
  ['wat', 'what'],
  ['wut', 'what'],
  ['hw', 'how'],
  ['rn', 'right now'],
  ['cs', 'customer service'],
  ['ppl', 'people'],
  ['msg', 'message'],
  ['hrs', 'hours'],
  ['yday', 'yesterday'],
  ['yest', 'yesterday'],
  ['tmrw', 'tomorrow'],
  ['tmr', 'tomorrow'],
  ['2day', 'today'],
  ['amt', 'amount'],
  ['wk', 'week'],
  ['plzz', 'please'],
  ['helo', 'hello'],
  ['hii', 'hi'],
  ['hiii', 'hi'],
  ['heyy', 'hey'],
  ['yeah', 'yes'],
  ['yep', 'yes'],
  ['yup', 'yes'],
  ['ya', 'yes'],
  ['nope', 'no'],
  ['nah', 'no'],
]);

/**
 * Chinese slang, dialect spellings and pinyin-input typos, as phrase → phrase. Applied longest
 * first; the typo entries carry enough context ("没发火") that the real word is not touched.
 */
export const ZH_PHRASES: readonly (readonly [string, string])[] = [
  ['肿么', '怎么'],
  ['咋个', '怎么'],
  ['咋', '怎么'],
  ['为啥', '为什么'],
  ['啥时候', '什么时候'],
  ['啥时', '什么时候'],
  ['神马', '什么'],
  ['啥', '什么'],
  ['木有', '没有'],
  ['米有', '没有'],
  ['没得', '没有'],
  ['俺', '我'],
  ['快第', '快递'],
  ['快地', '快递'],
  ['块递', '快递'],
  ['物留', '物流'],
  ['勿流', '物流'],
  ['退宽', '退款'],
  ['推款', '退款'],
  ['退钱款', '退款'],
  ['没发火', '没发货'],
  ['不发火', '不发货'],
  ['发火了吗', '发货了吗'],
  ['发火没', '发货没'],
  ['发或', '发货'],
  ['订丹', '订单'],
  ['优惠卷', '优惠券'],
  ['优惠劵', '优惠券'],
  ['发漂', '发票'],
  ['人功', '人工'],
  ['客付', '客服'],
  ['到那了', '到哪了'],
  ['到那里了', '到哪里了'],
  ['到那儿了', '到哪儿了'],
  ['在那里', '在哪里'],
  ['在那儿', '在哪儿'],
  ['在么', '在吗'],
  ['在嘛', '在吗'],
  ['在不', '在吗'],
  ['在伐', '在吗'],
  ['东东', '东西'],
  ['宝贝', '东西'],
];

/** English words that are also common pinyin or order-code fragments and must not be counted as English. */
export const NOT_ENGLISH = new Set(['sf', 'jd', 'yt', 'zto', 'sto', 'ems', 'sku', 'id', 'no']);
