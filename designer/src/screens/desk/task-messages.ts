/** Texts of task deadlines (催办, 督办), follow-up visit tasks (回访任务) and the visit rates (desk namespace). */
const zh = {
  reminded: '已催办',
  remindedAt: '到期前催办于 {{date}}',
  escalated: '已督办（逾期）',
  escalatedAt: '逾期未关闭，已于 {{date}} 报平台管理员和上级平台督办',
  followUpDeadline: '回访时限：{{date}}',
  followUpStatus_open: '待回访',
  followUpStatus_done: '已回访',
  followUpHint: '好评抽样回访：电话联系申请人，记录回访情况后选择结果。接通（满意或不满意）即办结本任务；无法联系的可再次回访，或填写结果后关闭。',
  visitAs_satisfied: '满意，办结',
  visitAs_unsatisfied: '不满意，办结',
  visitAs_unreachable: '无法联系',
  visitRates: '本年度回访率',
  rectificationVisitRate: '差评整改回访率 {{rate}}（{{visited}}/{{opened}}）',
  followUpVisitRate: '好评抽样回访率 {{rate}}（{{visited}}/{{opened}}）',
};

const en: typeof zh = {
  reminded: 'Reminded',
  remindedAt: 'Reminded before the due date on {{date}}',
  escalated: 'Escalated (overdue)',
  escalatedAt: 'Still open past its due date: escalated to the platform admins and the supervising platform on {{date}}',
  followUpDeadline: 'Call by {{date}}',
  followUpStatus_open: 'To call',
  followUpStatus_done: 'Called',
  followUpHint: 'Sampled good review: call the applicant, note what was said and pick the outcome. A call that reaches them (satisfied or not) closes the task; if unreachable, call again or close it with a result.',
  visitAs_satisfied: 'Satisfied, close',
  visitAs_unsatisfied: 'Dissatisfied, close',
  visitAs_unreachable: 'Unreachable',
  visitRates: 'Visit rates this year',
  rectificationVisitRate: 'Rectifications visited {{rate}} ({{visited}}/{{opened}})',
  followUpVisitRate: 'Sampled good reviews visited {{rate}} ({{visited}}/{{opened}})',
};

export const taskMessages = { zh, en };
