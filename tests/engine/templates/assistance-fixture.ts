/**
 * Test fixture: the 知识产权维权援助申请 item (facts from ip-services.md §2.4: 15 working days,
 * free, online via 12330) on the 绵阳 city platform, with its material checklist.
 */
import type { Checklist } from '../../../engine/kinds/checklist.js';
import type { Platform } from '../../../engine/kinds/platform.js';
import type { ServiceItem } from '../../../engine/kinds/service-item.js';

export function assistanceItem(): ServiceItem {
  return {
    kind: 'ServiceItem',
    schemaVersion: 1,
    id: 'ip-assistance',
    version: 2,
    title: { 'zh-CN': '知识产权维权援助申请', en: 'IP rights-protection assistance' },
    code: { basic: '332199004000', implementation: '12510700MB0000011U3332199004000' },
    category: '知识产权保护服务',
    targets: ['权利人', '利害关系人'],
    content: '咨询指导、侵权判定参考意见、重大纠纷解决方案、分析预警、调解',
    channel: 'online',
    channelNote: '中国知识产权维权援助网 或 12330',
    department: { name: '绵阳市知识产权维权援助中心' },
    legalBasis: ['国家知识产权局维权援助工作相关指导意见'],
    conditions: ['申请人户籍地、经常居住地、营业地或侵权行为发生地在本中心辖区内'],
    timeLimit: { value: 15, unit: 'workingDay', note: '自受理之日起算' },
    fee: { isFree: true },
    steps: [
      { stage: 'consult', description: '拨打12330咨询，判断是否属于辖区' },
      { stage: 'accept', description: '在线提交申请；材料不全的，一次性告知补正（7个工作日内）' },
      { stage: 'implement', description: '按类型提供援助服务' },
    ],
    form: 'ip-assistance-application',
    checklist: 'ip-assistance-materials',
    workflow: 'standard-service',
    guide: 'ip-assistance-guide',
  };
}

export function mianyangPlatform(): Platform {
  return {
    kind: 'Platform',
    schemaVersion: 1,
    id: 'mianyang',
    version: 1,
    title: '四川省（绵阳）知识产权公共服务平台',
    level: 'city',
    parent: 'sichuan',
    region: { code: '510700', name: '绵阳' },
    organization: { name: '绵阳市知识产权公共服务中心', uscc: '12510700MB0000011U' },
    contact: { phone: '0816-12330', address: '绵阳市涪城区示例路1号', hours: '工作日 9:00-17:00' },
    lists: [],
    settings: { rectification: { value: 15, unit: 'workingDay' } },
  };
}

export function assistanceChecklist(): Checklist {
  return {
    kind: 'Checklist',
    schemaVersion: 1,
    id: 'ip-assistance-materials',
    version: 1,
    title: '维权援助申请材料',
    materials: [
      { key: 'application', name: '知识产权维权援助申请表', required: true, form: 'original', count: 1, fileTypes: ['pdf'], maxSizeMB: 10, sample: '申请表样表.pdf' },
      { key: 'identity', name: '有效身份证明', required: true, form: 'copy', count: 1, fileTypes: ['pdf', 'jpg'], maxSizeMB: 5 },
      { key: 'evidence', name: '侵权证据材料', required: true, form: 'originalOrCopy', count: 1, fileTypes: ['pdf', 'zip'], maxSizeMB: 50, note: '按证据目录编号' },
      {
        key: 'powerOfAttorney',
        name: '委托书及代理人身份证明',
        required: { '==': [{ var: 'form.hasAgent' }, true] },
        condition: '委托办理时',
        form: 'scan',
        count: 1,
        fileTypes: ['pdf'],
        maxSizeMB: 5,
        isDeferrable: true,
      },
      { key: 'statement', name: '事项与事由说明', required: false, form: 'electronic', count: 1, fileTypes: ['pdf', 'docx'], maxSizeMB: 5 },
    ],
  };
}
