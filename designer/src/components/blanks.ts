/**
 * What a new definition starts as, per kind: the smallest document that names everything a
 * user must decide, with the province's standard choices preselected (the standard flow, the
 * province guide template), so a new item is publishable after filling in its facts.
 */
import type { Doc } from './useDefinitionEditor';

const headerOf = (kind: string, id: string, title: string) => ({ kind, schemaVersion: 1, id, version: 1, title });

export const blanks = {
  ServiceItem: (id: string): Doc => ({
    ...headerOf('ServiceItem', id, '新服务事项'),
    category: '增值服务',
    targets: ['企业'],
    content: '',
    channel: 'both',
    department: { name: '' },
    legalBasis: [],
    timeLimit: { value: 5, unit: 'workingDay' },
    fee: { isFree: true },
    steps: [],
    form: id,
    checklist: id,
    workflow: 'standard-service',
    guide: 'service-guide',
  }),
  Form: (id: string): Doc => ({
    ...headerOf('Form', id, '新表单'),
    schema: { type: 'object', required: [], properties: {} },
    uiSchema: {},
  }),
  Checklist: (id: string): Doc => ({
    ...headerOf('Checklist', id, '新材料清单'),
    materials: [{ key: 'applicationForm', name: '申请表', required: true, form: 'original', count: 1, fileTypes: ['pdf'], maxSizeMB: 10 }],
  }),
  Template: (id: string): Doc => ({
    ...headerOf('Template', id, '新文书模板'),
    purpose: 'notice',
    context: 'case',
    format: 'html',
    body: '<p>{{applicant.name}}：</p>',
  }),
  ServiceList: (id: string): Doc => ({ ...headerOf('ServiceList', id, '新服务清单'), listType: 'personalized', entries: [] }),
} satisfies Record<string, (id: string) => Doc>;

export type BlankKind = keyof typeof blanks;
