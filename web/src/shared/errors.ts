/**
 * kefu's error messages are English and name the field (`alternates[2]: must be at most 500
 * characters`); a page read in Chinese shows them in Chinese: the catalogue code decides the
 * sentence, and a validation message has its field and its rule translated where they are known
 * (an unknown one stays as the server wrote it, after the translated field). English pages show
 * the server's message as it is.
 */

const BY_CODE: Record<string, string> = {
  NETWORK: '网络连接失败，请检查网络后重试',
  UNAVAILABLE: '服务暂时不可用，请稍后重试',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  UNAUTHORIZED: '登录已失效，请刷新页面',
  FORBIDDEN: '没有权限执行此操作',
  NOT_FOUND: '找不到该内容，可能已被删除',
  TOO_LARGE: '内容太大',
  INTERNAL: '服务出错了，请稍后重试',
  IDEMPOTENCY_MISMATCH: '同一请求的内容不一致，请刷新后重试',
};

/** Messages whose sense matters more than their code. */
const WHOLE: Array<[RegExp, string]> = [
  [/prohibited word/, '消息含有违禁词，未发送，请修改后再发'],
  [/off-platform/, '消息含有站外联系方式，未发送'],
  [/accept it first/, '请先接待该会话再回复'],
  [/already rated/, '该会话已评价过'],
  [/not closed yet/, '会话尚未结束'],
  [/already (accepted|dismissed)/, '该建议已处理过'],
  [/already asks this question .*edit that entry instead/, '已有条目问的是同一个问题：请直接编辑那个条目'],
  [/already asks this question/, '已有相同问题的条目：请直接编辑该条目，或忽略此建议'],
  // The routing's conflicts, read in Chinese consoles (found from outside: they were shown in English).
  [/not waiting for a person any more/, '该会话已不在排队中（可能已被其他客服接待）'],
  [/that agent is not online/, '该客服当前不在线，请重新选择'],
  [/that agent is at capacity/, '该客服接待已满，请选择其他客服'],
  [/you are at capacity/, '您的接待已满，请先结束部分会话'],
  [/conversation is closed already/, '该会话已结束'],
  [/conversation is not held any more/, '该会话已不由您接待'],
  [/still in flight/, '上一次操作还在处理中，请稍后再试'],
  [/only a dead command can be/, '只有失败的指令可以重试或标记处理'],
  [/already has \d+ FAQ entries/, '常见问题条目已达上限'],
  [/entry was changed since version/, '保存失败：这个条目刚被其他人修改过，请先看一下现在的内容'],
  [/not a JWT|invalid compact JWS|signature verification failed|JWS/i, '登录凭证无效，请重新登录'],
];

const FIELDS: Record<string, string> = {
  question: '问题', answer: '答案', alternates: '相似问法', title: '标题', text: '内容', words: '敏感词',
  score: '评分', comment: '评价', capacity: '接待上限', status: '状态', note: '备注', reason: '原因',
  as: '演示身份', amount: '金额', price: '价格', quantity: '数量', sku: '商品编码', orderId: '订单号', ttlSec: '锁定时长',
  linkHosts: '链接域名', imageHosts: '图片域名', phones: '电话号码', timeZone: '时区', messageDays: '保存天数',
};

const RULES: Array<[RegExp, (m: RegExpExecArray) => string]> = [
  [/^must not be empty$|^is required$|^must not be blank$/, () => '不能为空'],
  [/^must not contain control characters$/, () => '不能含有控制字符'],
  [/^must be one of (.*)$/, (m) => `应为以下之一：${m[1]}`],
  [/^must be at most (\d+)$/, (m) => `不能大于 ${m[1]}`],
  [/^must be at least (\d+)$/, (m) => `不能小于 ${m[1]}`],
  [/^is not valid JSON$|^must be JSON/, () => '格式有误'],
  [/^must be at most (\d+) characters?$/, (m) => `最多 ${m[1]} 个字符`],
  [/^must have at most (\d+) (?:entries|items)$/, (m) => `最多 ${m[1]} 项`],
  [/^must be at least (\d+) characters?$/, (m) => `至少 ${m[1]} 个字符`],
  [/^has no letter or digit to match$/, () => '没有可匹配的文字或数字'],
  [/^must be a decimal string/, () => '应为如 20.00 的数字（最多两位小数）'],
  // The shop's settings (admin, Settings).
  [/^must be a host name like ([^\s,]+)/, (m) => `应为域名（如 ${m[1]}），不带 http://、路径或端口`],
  [/^is a public suffix/, () => '是公共后缀：请填写本店自己的域名'],
  [/^is a messaging, social or mail service/, () => '是聊天、社交或邮箱服务，会把买家引到站外：只有运营方可以放行'],
  [/^must be a phone number of 7 to 15 digits/, () => '应为 7–15 位的电话号码'],
  [/^must be an IANA time zone name/, () => '应为 IANA 时区名，如 Asia/Shanghai'],
  [/^must be a whole number of days from 1 to (\d+)/, (m) => `应为 1 到 ${m[1]} 的整数天数，或留空`],
  [/integer|whole number/, () => '应为整数'],
  [/^is not a known field here$|^is not a parameter of this route$/, () => '不是可用的字段'],
  [/contains a NUL character or an unpaired surrogate/, () => '含有无法保存的字符'],
];

/** `alternates[2]` → `相似问法第 3 项`, `payload.amount` → `金额`. */
function fieldName(path: string): string {
  return path
    .split('.')
    .filter((p) => p !== 'payload' && p !== 'body')
    .map((p) => p.replace(/^(\w+)((?:\[\d+\])*)$/, (_, name: string, idx: string) => (FIELDS[name] ?? name) + idx.replace(/\[(\d+)\]/g, (_x, n: string) => `第 ${Number(n) + 1} 项`)))
    .join(' ');
}

/** `lang` is i18n.ts's Lang, spelt out: this file is also loaded by node's tests, which have no DOM for i18n.ts. */
export function readableError(code: string, message: string, lang: 'zh' | 'en'): string {
  if (lang !== 'zh') return message;
  for (const [re, zh] of WHOLE) if (re.test(message)) return zh;
  if (code === 'BAD_REQUEST' || code === 'BAD_FRAME') {
    const m = /^([\w.[\]]+): (.*)$/s.exec(message) ?? /^([\w.[\]]+) (must .*|has .*|is .*)$/s.exec(message);
    if (!m) return `输入有误：${message}`;
    const rule = RULES.find(([re]) => re.test(m[2]!));
    const field = fieldName(m[1]!);
    return `${field || '输入'}${rule ? rule[1](rule[0].exec(m[2]!)!) : `：${m[2]}`}`;
  }
  if (code === 'CONFLICT') return `操作未完成：${message}`;
  return BY_CODE[code] ?? message;
}
