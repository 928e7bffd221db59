/** Texts of the Excel export buttons of the inbox and the reviews screen (desk namespace). */
const zh = {
  exportExcel: '导出 Excel',
  exportCasesHint: '按当前视图和搜索导出办件（最多 {{limit}} 行）。身份证号和手机号遮盖显示，导出记入审计日志。',
  exportEvaluationsHint: '导出本平台全部好差评，含回复和整改情况（最多 {{limit}} 行）。评价中的身份证号和手机号遮盖显示，导出记入审计日志。',
};

const en: typeof zh = {
  exportExcel: 'Export to Excel',
  exportCasesHint: 'Export the cases of this view and search (at most {{limit}} rows). ID numbers and phones are masked; the export is recorded in the audit trail.',
  exportEvaluationsHint: "Export every evaluation of this platform with replies and rectification (at most {{limit}} rows). ID numbers and phones are masked; the export is recorded in the audit trail.",
};

export const exportMessages = { zh, en };
