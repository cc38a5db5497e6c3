import { browserLang, translator } from '../shared/i18n.ts';

export const lang = browserLang();

export const t = translator(
  {
    zh: {
      title: '店铺管理', signOut: '退出', nav: '管理菜单', overview: '概览', faq: '常见问题', words: '敏感词', canned: '快捷回复', commands: '指令', canary: '机器人灰度',
      last24: '最近 24 小时', opened: '新会话', handedOver: '转人工', closed: '已结束', unanswered: '{0} 个无人回复', frt: '首次响应', reply: '平均回复', resolution: '解决时长', csat: '满意度', containment: '机器人独立解决', rated: '{0} 条评价', ratedOne: '1 条评价',
      week: '最近 7 天会话', queue: '排队中', agents: '客服与负载', agent: '客服', status: '状态', load: '负载', connected: '工作台', yes: '已打开', no: '—', noAgents: '还没有客服登录过',
      online: '在线', away: '离开', offline: '离线', refresh: '刷新', updated: '更新于 {0}', seconds: '{0} 秒', minutes: '{0} 分钟', none: '—',
      question: '问题', answer: '答案', alternates: '相似问法（每行一个）', add: '添加', save: '保存', edit: '编辑', del: '删除', confirmDel: '删除“{0}”？删除后无法恢复。', cancel: '取消', changedElsewhere: '这个条目刚被其他人修改并保存了，现在保存的内容如下。您的修改还在表单里：再次保存会替换下面的内容，或点“取消”保留它。', noFaq: '还没有常见问题', entries: '{0} 条',
      wordsHint: '每行一个词；买家消息中的这些词会被替换为 *，客服消息含有这些词会被拒绝。', saved: '已保存', wordsCount: '{0} 个词',
      cannedTitle: '标题', cannedText: '内容（可用 {{buyer.name}}、{{order.id}}、{{order.status}}、{{order.statusText}}（状态名称，如“已发货”）、{{order.carrier}}、{{order.trackingNo}}、{{shop.id}}）', noCanned: '还没有快捷回复',
      dead: '失败的指令', noDead: '没有失败的指令', retry: '重试', resolve: '标记为已人工处理', note: '处理说明', type: '类型', details: '内容', conversation: '会话', attempts: '尝试次数', error: '错误', when: '时间',
      retried: '已重试的指令', pending: '等待执行', running: '执行中', retrying: '等待重试', succeeded: '已成功', deadOne: '已失败', resolved: '已人工处理',
      cmdNoRoute: '此版本的 kefu 还没有指令接口（404）', cmdForbidden: '令牌缺少 cs:commands 权限，无法查看指令',
      canaryOff: '机器人灰度需要运营令牌：请在启动 kefu 时设置 KEFU_OPS_TOKEN。', canaryToken: '运营令牌（KEFU_OPS_TOKEN）', canaryLoad: '读取', canaryNew: '新版本', canaryOld: '旧版本', canaryDigits: '用户 ID 末位为这些数字的用户使用新版本', rollback: '全部回滚到旧版本', apply: '应用',
      failed: '失败：{0}', badOpsToken: '运营令牌不正确：请核对 KEFU_OPS_TOKEN',
      settings: '店铺设置', timeZone: '时区', timeZoneHint: '机器人按这个时区理解“今天”“昨天”、回答营业时间；填 IANA 时区名（如 Asia/Shanghai、America/Toronto），留空用服务器默认（KEFU_TIME_ZONE）。',
      contacts: '客服可发送的联系方式', contactsHint: '客服消息里的站外链接、图片和电话号码会被拒绝（以免把买家引到站外）。在这里列出本店自己的，每行一个：域名不带 http:// 和路径（其子域名同样放行），电话号码 7–15 位。运营方在 KEFU_ALLOWED_* 中允许的照常有效。',
      linkHosts: '链接域名', imageHosts: '图片域名', phones: '电话号码',
      retention: '消息保存期限', retentionHint: '超过这个天数的消息会被删除（每天清理一次）；留空表示一直保存。', retentionDays: '保存天数（1–36500）',
    },
    en: {
      title: 'Shop admin', signOut: 'Sign out', nav: 'Admin sections', overview: 'Overview', faq: 'FAQ', words: 'Sensitive words', canned: 'Canned replies', commands: 'Commands', canary: 'Robot canary',
      last24: 'Last 24 hours', opened: 'Opened', handedOver: 'Handed over', closed: 'Closed', unanswered: '{0} unanswered', frt: 'First response', reply: 'Avg reply', resolution: 'Resolution', csat: 'CSAT', containment: 'Contained by robot', rated: '{0} ratings', ratedOne: '1 rating',
      week: 'Conversations, last 7 days', queue: 'Queued', agents: 'Agents and load', agent: 'Agent', status: 'Status', load: 'Load', connected: 'Console', yes: 'open', no: '—', noAgents: 'No agent has signed in yet',
      online: 'Online', away: 'Away', offline: 'Offline', refresh: 'Refresh', updated: 'Updated {0}', seconds: '{0} s', minutes: '{0} min', none: '—',
      question: 'Question', answer: 'Answer', alternates: 'Alternate questions (one per line)', add: 'Add', save: 'Save', edit: 'Edit', del: 'Delete', confirmDel: 'Delete “{0}”? This cannot be undone.', cancel: 'Cancel', changedElsewhere: 'Someone else changed and saved this entry meanwhile; what is saved now is below. Your edit is still in the form: save again to replace it, or Cancel to keep theirs.', noFaq: 'No FAQ entries yet', entries: '{0} entries',
      wordsHint: 'One word per line: masked with * in buyer messages, refused in agent messages.', saved: 'Saved', wordsCount: '{0} words',
      cannedTitle: 'Title', cannedText: 'Text (variables: {{buyer.name}}, {{order.id}}, {{order.status}}, {{order.statusText}} (status in words), {{order.carrier}}, {{order.trackingNo}}, {{shop.id}})', noCanned: 'No canned replies yet',
      dead: 'Dead commands', noDead: 'No dead commands', retry: 'Retry', resolve: 'Mark resolved by hand', note: 'Note', type: 'Type', details: 'Details', conversation: 'conversation', attempts: 'Attempts', error: 'Error', when: 'When',
      retried: 'Retried here', pending: 'pending', running: 'running', retrying: 'retrying', succeeded: 'succeeded', deadOne: 'dead', resolved: 'resolved by hand',
      cmdNoRoute: 'This kefu has no commands API yet (404)', cmdForbidden: 'The token lacks the cs:commands scope',
      canaryOff: 'The robot canary needs an operator token: start kefu with KEFU_OPS_TOKEN set.', canaryToken: 'Operator token (KEFU_OPS_TOKEN)', canaryLoad: 'Load', canaryNew: 'New version', canaryOld: 'Old version', canaryDigits: 'Users whose id ends in these digits get the new version', rollback: 'Roll everyone back', apply: 'Apply',
      failed: 'Failed: {0}', badOpsToken: 'The operator token is wrong: check KEFU_OPS_TOKEN',
      settings: 'Settings', timeZone: 'Time zone', timeZoneHint: 'The robot reads "today" and "yesterday" and tells your hours in this zone: an IANA name such as Asia/Shanghai or America/Toronto; empty for the server\'s default (KEFU_TIME_ZONE).',
      contacts: 'Contacts your agents may send', contactsHint: 'An agent\'s message with a link, image or phone number off the platform is refused (it takes buyers away). List your shop\'s own here, one per line: host names without http:// or a path (their subdomains count too), phone numbers of 7 to 15 digits. What the operator allows in KEFU_ALLOWED_* counts as well.',
      linkHosts: 'Link hosts', imageHosts: 'Image hosts', phones: 'Phone numbers',
      retention: 'Message retention', retentionHint: 'Messages older than this many days are deleted (swept once a day); empty keeps them.', retentionDays: 'Days kept (1–36500)',
    },
  },
  lang,
);
