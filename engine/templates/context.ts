/**
 * The declared contexts templates render with. Loading checks every variable a template uses
 * against these shapes (an unknown variable is a load-time problem, not a blank in a notice);
 * rendering builds exactly these shapes. Open parts (Type.Unknown) accept any path. Each
 * variable's description is what the studio's template editor shows beside it.
 */
import { Type, type Static, type TProperties } from '@sinclair/typebox';

const str = (description: string) => Type.String({ description });
const int = (description: string) => Type.Integer({ description });
const bool = (description: string) => Type.Boolean({ description });
const obj = <P extends TProperties>(description: string, properties: P) => Type.Object(properties, { description });

const contact = (whose: string) =>
  obj(`${whose}的咨询方式`, { phone: str('咨询电话'), address: str('窗口地址'), hours: str('办公时间') });

const Item = obj('服务事项', {
  id: str('事项标识'),
  version: int('事项版本号'),
  title: str('事项名称'),
  code: obj('事项编码', { basic: str('基本编码'), implementation: str('实施编码：本平台实施本事项的编码（建设主体统一社会信用代码 + 行使层级 + 基本编码），即办件编号的前31位') }),
  category: str('事项类别'),
  targets: Type.Array(str('一类服务对象'), { description: '服务对象（列表）' }),
  content: str('服务内容'),
  channel: str('服务形式代码：online、offline 或 both'),
  channelLabel: str('服务形式：网上办理 / 窗口办理 / 网上办理或窗口办理'),
  channelNote: str('办理渠道说明'),
  department: obj('实施部门', { name: str('实施部门名称'), uscc: str('实施部门统一社会信用代码') }),
  legalBasis: Type.Array(str('一条设定依据'), { description: '设定依据（列表）' }),
  conditions: Type.Array(str('一条受理条件'), { description: '受理条件（列表）' }),
  refusalGrounds: Type.Array(str('一种不予受理情形'), { description: '不予受理情形（列表）' }),
  timeLimit: obj('承诺时限', { value: int('时限数值'), unit: str('时限单位代码：workingDay、calendarDay、month 或 hour'), note: str('时限说明') }),
  timeLimitText: str('承诺时限文字，如“3个工作日”'),
  fee: obj('收费', { isFree: bool('是否免费'), amount: Type.Number({ description: '收费金额（元）' }), description: str('收费说明') }),
  feeText: str('收费标准文字，如“免费”'),
  steps: Type.Array(obj('一个办理环节', { stage: str('环节代码'), stageTitle: str('环节名称，如“申请受理”'), description: str('环节说明') }), {
    description: '办理流程（列表）',
  }),
  contact: contact('事项（无则为平台）'),
});

const Platform = obj('服务平台', {
  id: str('平台标识'),
  title: str('平台名称'),
  level: str('平台层级代码：province、city、county、park 或 workstation'),
  region: obj('所在地区', { code: str('行政区划代码'), name: str('地区名称') }),
  organization: obj('建设主体', { name: str('建设主体名称'), uscc: str('建设主体统一社会信用代码') }),
  contact: contact('平台'),
});

/** One material as the guide prints it. */
const ChecklistEntry = obj('一项申请材料', {
  key: str('材料标识'),
  name: str('材料名称'),
  form: str('材料形式代码'),
  formLabel: str('材料形式：原件 / 复印件 / 原件或复印件 / 扫描件 / 电子件'),
  count: int('份数'),
  condition: str('何种情况下需要（文字）'),
  isAlwaysRequired: bool('是否必要材料'),
  fileTypes: Type.Array(str('一种文件格式'), { description: '电子文件格式（列表）' }),
  maxSizeMB: Type.Number({ description: '单个文件大小上限（MB）' }),
  isDeferrable: bool('是否可容缺后补'),
  sample: str('样表'),
  note: str('要求说明'),
});

const checklist = Type.Array(ChecklistEntry, { description: '申请材料清单（列表）' });
const now = str('生成时间（ISO 8601），用 {{date now}} 打印日期');

/** Context of guide templates (context "item"). */
export const ItemContext = Type.Object({ item: Item, platform: Platform, checklist, now });
export type ItemContext = Static<typeof ItemContext>;

const MaterialLine = obj('一项材料', {
  key: str('材料标识'),
  name: str('材料名称'),
  formLabel: str('材料形式'),
  count: int('份数'),
  condition: str('何种情况下需要'),
  note: str('要求说明'),
  /** Why it is deficient, for deficient materials. */
  reason: str('需补正的原因（不符合要求的材料）'),
  isDeferrable: bool('是否可容缺后补'),
});

const materialLines = (description: string) => Type.Array(MaterialLine, { description });

/** Context of notice templates (context "case"): the item context plus the case. */
export const CaseContext = Type.Object({
  item: Item,
  platform: Platform,
  checklist,
  now,
  case: obj('办件', {
    id: str('办件标识'),
    number: str('办件编号'),
    status: str('办件状态代码'),
    step: str('当前环节代码'),
    stepTitle: str('当前环节名称'),
    createdAt: str('创建时间'),
    submittedAt: str('提交时间'),
    acceptedAt: str('受理时间'),
    dueAt: str('当前环节办理期限'),
    verificationCode: str('查询码：凭办件编号和查询码在信息公示专区查询办理进度'),
    channel: str('申请渠道代码：online（网上申请）或 counter（窗口受理）'),
    fields: Type.Unknown({ description: '办理中记录的信息（如 returnReason、result），由流程决定' }),
  }),
  form: Type.Unknown({ description: '申请表填写的内容，按表单字段取值，如 form.contactPhone' }),
  applicant: obj('申请人', { id: str('申请人账号标识'), name: str('申请人姓名'), phone: str('申请人手机'), email: str('申请人电子邮箱') }),
  materials: obj('材料情况', {
    required: materialLines('应提交的材料'),
    provided: materialLines('已提交且合格的材料'),
    missing: materialLines('未提交的材料'),
    deficient: materialLines('不符合要求的材料'),
    /** missing and deficient together, in checklist order: what the one-time notice lists. */
    toSupply: materialLines('需补齐补正的全部材料（一次性告知书所列）'),
  }),
  eligibility: obj('受理条件', {
    unmet: Type.Array(obj('一项未满足的受理条件', { key: str('条件标识'), title: str('条件内容') }), { description: '未满足的受理条件（一次性告知书所列）' }),
    met: Type.Array(obj('一项已满足的受理条件', { key: str('条件标识'), title: str('条件内容') }), { description: '已满足的受理条件' }),
  }),
  actor: obj('经办人', { id: str('经办人账号标识'), name: str('经办人姓名') }),
  task: obj('刚生成的待办', { title: str('待办标题'), kind: str('待办类型'), dueAt: str('待办期限') }),
  evaluation: obj('最近一次好差评', { level: int('评价等级 1–5'), levelLabel: str('评价等级文字，如“满意”'), comment: str('评价意见') }),
});
export type CaseContext = Static<typeof CaseContext>;

export const templateContexts = { item: ItemContext, case: CaseContext } as const;

/** Helpers every template may call; rendering registers exactly these, the checker allows exactly these. */
export const templateHelperNames = ['date', 'dateTime', 'mask', 'addWorkingDays', 'limit', 'text', 'eq', 'inc', 'join', 'levelLabel'] as const;
