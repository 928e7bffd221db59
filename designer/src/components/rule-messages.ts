/**
 * Texts of the rule builder, a shared component used by several screens: its own namespace
 * ("rules"), registered when the builder is first imported so no screen has to know about it.
 * Operator words live with the operators (rule-model.ts), since the guide prints them too.
 */
import i18n from '../i18n';

export const rules = {
  zh: {
    all: '全部满足（且）',
    any: '任一满足（或）',
    field: '字段',
    operator: '运算',
    value: '值',
    values: '值（可多个）',
    addCondition: '添加条件',
    removeCondition: '删除此条件',
    noCondition: '无条件',
    inWords: '即：{{words}}',
    unknownField: '{{path}}（不在可选字段中）',
    notRepresentable: '此条件是手写的 JSON Logic，无法用条件行表示；按原样显示，不会被改动。',
    editAsJson: '以 JSON 编辑',
    editAsRows: '以条件行编辑',
    jsonInvalid: '条件须为 true、false 或只含一个运算符的 JSON 对象',
    clear: '清除条件',
    yes: '是',
    no: '否',
    noFields: '没有可选字段：请先为使用它的事项设计表单。',
  },
  en: {
    all: 'All hold (and)',
    any: 'Any holds (or)',
    field: 'Field',
    operator: 'Operator',
    value: 'Value',
    values: 'Values',
    addCondition: 'Add condition',
    removeCondition: 'Remove this condition',
    noCondition: 'No condition',
    inWords: 'That is: {{words}}',
    unknownField: '{{path}} (not among the fields)',
    notRepresentable: 'This condition is hand-written JSON Logic that rows cannot express; it is shown as is and never changed.',
    editAsJson: 'Edit as JSON',
    editAsRows: 'Edit as rows',
    jsonInvalid: 'A condition is true, false or a JSON object with exactly one operator',
    clear: 'Clear condition',
    yes: 'Yes',
    no: 'No',
    noFields: 'No fields to choose from: design the form of the items that use it first.',
  },
};

if (!i18n.hasResourceBundle('zh-CN', 'rules')) {
  i18n.addResourceBundle('zh-CN', 'rules', rules.zh);
  i18n.addResourceBundle('en', 'rules', rules.en);
}
