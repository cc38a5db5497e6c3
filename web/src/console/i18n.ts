import { browserLang, translator } from '../shared/i18n.ts';

export const lang = browserLang();

export const t = translator(
  {
    zh: {
      title: '客服工作台', signOut: '退出', status: '状态', capacity: '接待上限', online: '在线', away: '离开', offline: '离线', save: '保存',
      live: '实时连接', liveOn: '已连接', liveOff: '连接已断开，正在重连…', notConnected: '未连接，消息没有发出，请在重新连接后再发', liveConnecting: '正在连接…',
      mine: '我的会话', queue: '排队中', standing_urgent: '紧急', standing_complaint: '投诉', standing_returned: '退回', none: '暂无', unread: '{0} 条未读', accept: '接入', pick: '请选择一个会话',
      replyWithin: '请在 {0} 内回复，否则转给其他客服', replyBy: '请在 {0} 前回复，否则转给其他客服', replyLate: '回复超时，即将转给其他客服',
      message: '消息', send: '发送', note: '内部备注', noteMode: '备注模式', noteHint: '备注只有同事可见', end: '结束会话', confirmEnd: '确定结束此会话？', unansweredEnd: '买家的最后一条消息还没有回复。', cancel: '取消',
      transfer: '转接', transferTo: '转接给', full: '（已满）', capInvalid: '接待上限应为 0 到 100 的整数', capSaved: '接待上限已改为 {0}', autoAway: '您已连续多次未及时回复，状态已改为“离开”，不再分配新会话；准备好后请改回“在线”', noAgents: '没有其他在线客服', typing: '买家正在输入…', older: '加载更早的消息', notHeld: '接入后才能回复', closed: '会话已结束',
      canned: '快捷回复', cannedHint: '输入 / 选择快捷回复', missing: '缺少：{0}', noCanned: '没有匹配的快捷回复',
      buyer: '买家信息', order: '订单', byMe: '由我接待', orders: '订单', parcels: '物流', aftersales: '售后', reveal: '查看', revealed: '已记录查看', phone: '电话', address: '地址', receiver: '收货人', noOrders: '没有订单',
      shipBy: '承诺 {0} 前发货', payBy: '付款截止 {0}', cancelReason: '取消原因：{0}',
      commands: '店铺操作', coupon: '发优惠券', price: '改价', lock: '锁库存', amount: '金额', bigCoupon: '确认给买家发放 ¥{0} 的优惠券？金额较大，请核对。', sku: '商品 SKU', newPrice: '新价格', quantity: '数量', ttl: '锁定秒数', orderId: '订单号（可选）', submit: '提交',
      cmdNoRoute: '此版本的 kefu 还没有指令接口（404）', cmdForbidden: '令牌缺少 cs:commands 权限，无法发起操作', cmdUnknown: '暂时无法确认指令接口', recent: '最近的操作', st_pending: '待执行', st_running: '执行中', st_retrying: '重试中', st_succeeded: '已成功', st_dead: '失败', st_resolved: '已人工处理', tries: '尝试 {0} 次',
      shortcuts: '快捷键：Alt+↓/↑ 切换会话 · Alt+A 接入 · Alt+N 备注 · Alt+E 结束会话 · / 快捷回复', bot: '智能助手', system: '系统', agent: '客服', customer: '买家', image: '图片',
      conversations: '会话列表', chat: '会话', side: '买家与操作', log: '消息记录', failed: '失败：{0}',
    },
    en: {
      title: 'Agent console', signOut: 'Sign out', status: 'Status', capacity: 'Capacity', online: 'Online', away: 'Away', offline: 'Offline', save: 'Save',
      live: 'Live connection', liveOn: 'Connected', liveOff: 'Disconnected, reconnecting…', notConnected: 'not connected: the message was not sent; send it again once reconnected', liveConnecting: 'Connecting…',
      mine: 'My conversations', queue: 'Queue', standing_urgent: 'Urgent', standing_complaint: 'Complaint', standing_returned: 'Handed back', none: 'None', unread: '{0} unread', accept: 'Accept', pick: 'Pick a conversation',
      replyWithin: 'Reply within {0} or it goes to another agent', replyBy: 'Reply by {0} or it goes to another agent', replyLate: 'Time to reply is up: it goes to another agent',
      message: 'Message', send: 'Send', note: 'Internal note', noteMode: 'Note mode', noteHint: 'Notes are seen by colleagues only', end: 'End conversation', confirmEnd: 'End this conversation?', unansweredEnd: "The buyer's last message has no reply yet.", cancel: 'Cancel',
      transfer: 'Transfer', transferTo: 'Transfer to', full: '(full)', capInvalid: 'Capacity must be a whole number from 0 to 100', capSaved: 'Capacity set to {0}', autoAway: 'You missed several reply deadlines in a row, so your status is now Away and no new conversations come to you; set it back to Online when ready', noAgents: 'No other agent online', typing: 'The buyer is typing…', older: 'Load earlier messages', notHeld: 'Accept it to reply', closed: 'Conversation ended',
      canned: 'Canned replies', cannedHint: 'Type / for canned replies', missing: 'missing: {0}', noCanned: 'No matching canned reply',
      buyer: 'Buyer', order: 'Order', byMe: 'Held by me', orders: 'Orders', parcels: 'Parcels', aftersales: 'After-sales', reveal: 'Reveal', revealed: 'Reveal recorded', phone: 'Phone', address: 'Address', receiver: 'Receiver', noOrders: 'No orders',
      shipBy: 'Promised to ship by {0}', payBy: 'Pay by {0}', cancelReason: 'Cancelled because: {0}',
      commands: 'Shop actions', coupon: 'Issue coupon', price: 'Change price', lock: 'Lock inventory', amount: 'Amount', bigCoupon: 'Issue a coupon of ¥{0} to this buyer? It is a large amount: please check it.', sku: 'SKU', newPrice: 'New price', quantity: 'Quantity', ttl: 'Lock seconds', orderId: 'Order id (optional)', submit: 'Submit',
      cmdNoRoute: 'This kefu has no commands API yet (404)', cmdForbidden: 'The token lacks the cs:commands scope', cmdUnknown: 'Cannot tell whether commands are available', recent: 'Recent actions', st_pending: 'pending', st_running: 'running', st_retrying: 'retrying', st_succeeded: 'succeeded', st_dead: 'failed', st_resolved: 'resolved by hand', tries: '{0} attempts',
      shortcuts: 'Shortcuts: Alt+↓/↑ next/previous · Alt+A accept · Alt+N note · Alt+E end · / canned replies', bot: 'Assistant', system: 'System', agent: 'Agent', customer: 'Buyer', image: 'Image',
      conversations: 'Conversations', chat: 'Conversation', side: 'Buyer and actions', log: 'Messages', failed: 'Failed: {0}',
    },
  },
  lang,
);
