/** Texts of revealing a masked ID number or phone (desk namespace). */
const zh = {
  reveal: '查看',
  revealLabel: '查看完整的{{field}}',
  revealTitle: '查看完整信息',
  revealHint: '身份证号和手机号默认遮盖显示。查看完整信息需要说明理由（至少 2 个字），理由和查看人记入审计日志。',
  revealReason: '查看理由',
  revealConfirm: '查看',
};

const en: typeof zh = {
  reveal: 'Show',
  revealLabel: 'Show the full {{field}}',
  revealTitle: 'Show the full value',
  revealHint: 'ID numbers and phones are masked by default. Say why you need the full value (at least 2 characters); the reason and who asked go into the audit trail.',
  revealReason: 'Reason',
  revealConfirm: 'Show',
};

export const revealMessages = { zh, en };
