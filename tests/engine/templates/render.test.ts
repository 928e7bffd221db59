import { expect } from 'chai';
import Handlebars from 'handlebars';
import { createWorkingCalendar } from '../../../engine/calendar/index.js';
import type { Template } from '../../../engine/kinds/template.js';
import type { CaseContext, ItemContext } from '../../../engine/templates/context.js';
import { buildItemContext } from '../../../engine/templates/item-context.js';
import { renderTemplate } from '../../../engine/templates/render.js';
import { readOfficialCalendars } from '../calendar/official-calendars.js';
import { assistanceChecklist, assistanceItem, mianyangPlatform } from './assistance-fixture.js';

const calendar = createWorkingCalendar({ years: readOfficialCalendars() });
const now = '2026-01-04T06:05:00Z'; // 2026年1月4日 14:05 in China
const itemContext = buildItemContext({ item: assistanceItem(), platform: mianyangPlatform(), checklist: assistanceChecklist(), now });

function template(body: string, overrides: Partial<Template> = {}): Template {
  return {
    kind: 'Template',
    schemaVersion: 1,
    id: 'test-template',
    version: 1,
    title: '测试模板',
    purpose: 'notice',
    context: 'item',
    format: 'html',
    body,
    ...overrides,
  };
}

function caseContext(overrides: { applicantName?: string } = {}): CaseContext {
  const line = { count: 1, condition: '', note: '', isDeferrable: false };
  const missing = [
    { ...line, key: 'evidence', name: '侵权证据材料', formLabel: '原件或复印件', reason: '' },
    { ...line, key: 'identity', name: '有效身份证明', formLabel: '复印件', reason: '复印件模糊不清，无法辨认' },
  ];
  return {
    ...itemContext,
    case: {
      id: 'c-1',
      number: 'MY-2026-000123',
      status: 'open',
      step: 'supplement',
      stepTitle: '补正材料',
      createdAt: '2025-12-31T01:30:00Z',
      submittedAt: '2025-12-31T01:35:00Z',
      verificationCode: 'K7M2Q9',
      channel: 'online',
      acceptedAt: '',
      dueAt: '2026-01-22T15:59:59.999Z',
      fields: {},
    },
    form: { applicant: { idNumber: '11010519491231002X' } },
    applicant: { id: 'u-1', name: overrides.applicantName ?? '张三', phone: '13800138000', email: 'zhangsan@example.com' },
    materials: { required: missing, provided: [], missing: [missing[0]!], deficient: [missing[1]!], toSupply: missing },
    eligibility: { unmet: [], met: [] },
    actor: { id: 's-1', name: '李四' },
    task: { title: '', kind: '', dueAt: '' },
    evaluation: { level: 0, levelLabel: '', comment: '' },
  };
}

function render(body: string, context: ItemContext | CaseContext = itemContext, overrides: Partial<Template> = {}) {
  return renderTemplate({ template: template(body, overrides), context, calendar }).body;
}

const guideBody = `<h1>{{text item.title}}办事指南</h1>
<p>事项编码：{{item.code.implementation}}</p>
<p>服务对象：{{join item.targets "、"}}</p>
<p>办理形式：{{item.channelLabel}}（{{item.channelNote}}）</p>
<p>承诺时限：{{limit item.timeLimit}}{{#if item.timeLimit.note}}，{{item.timeLimit.note}}{{/if}}</p>
<p>收费标准：{{item.feeText}}</p>
<ol>{{#each item.steps}}<li>{{stageTitle}}：{{description}}</li>{{/each}}</ol>
<table>{{#each checklist}}<tr><td>{{inc @index}}</td><td>{{name}}</td><td>{{formLabel}}</td><td>{{count}}份</td><td>{{#if isAlwaysRequired}}必须{{else}}{{condition}}{{/if}}</td></tr>{{/each}}</table>
<p>咨询电话：{{item.contact.phone}}　{{platform.title}}　{{date now}}</p>`;

const noticeBody = `{{applicant.name}}（{{mask applicant.phone}}）：
您于{{dateTime case.submittedAt}}申请的“{{text item.title}}”（办件编号 {{case.number}}），经审查需补正以下材料：
{{#each materials.toSupply}}{{inc @index}}. {{name}}（{{formLabel}}，{{count}}份）{{#if reason}}：{{reason}}{{/if}}
{{/each}}请于{{addWorkingDays now 7}}前一次性补齐（7个工作日内），逾期视为撤回申请。
身份证号：{{mask form.applicant.idNumber}}
{{platform.title}}　{{date now}}`;

describe('renderTemplate', () => {
  describe('given the 维权援助 guide (html) and its item context', () => {
    const { subject, body } = renderTemplate({
      template: template(guideBody, { id: 'ip-assistance-guide', purpose: 'guide', subject: '{{text item.title}}办事指南' }),
      context: itemContext,
      calendar,
    });

    it('renders the guide facts, steps and numbered materials', () => {
      expect(body).to.contain('<h1>知识产权维权援助申请办事指南</h1>');
      expect(body).to.contain('<p>服务对象：权利人、利害关系人</p>');
      expect(body).to.contain('<p>办理形式：网上办理（中国知识产权维权援助网 或 12330）</p>');
      expect(body).to.contain('<p>承诺时限：15个工作日，自受理之日起算</p>');
      expect(body).to.contain('<p>收费标准：免费</p>');
      expect(body).to.contain('<li>服务咨询：拨打12330咨询，判断是否属于辖区</li>');
      expect(body).to.contain('<tr><td>1</td><td>知识产权维权援助申请表</td><td>原件</td><td>1份</td><td>必须</td></tr>');
      expect(body).to.contain('<tr><td>4</td><td>委托书及代理人身份证明</td><td>扫描件</td><td>1份</td><td>委托办理时</td></tr>');
      expect(body).to.contain('2026年1月4日');
      expect(body).not.to.contain('undefined');
      expect(subject).to.equal('知识产权维权援助申请办事指南');
    });
  });

  describe('given the one-time notice (text) and a case context', () => {
    const { subject, body } = renderTemplate({
      template: template(noticeBody, { id: 'one-time-notice', purpose: 'oneTimeNotice', context: 'case', format: 'text', subject: '一次性告知书 {{case.number}}' }),
      context: caseContext(),
      calendar,
    });

    it('lists what to supply, masks personal data and gives the deadline in working days', () => {
      expect(subject).to.equal('一次性告知书 MY-2026-000123');
      expect(body).to.equal(`张三（138****8000）：
您于2025年12月31日 09:35申请的“知识产权维权援助申请”（办件编号 MY-2026-000123），经审查需补正以下材料：
1. 侵权证据材料（原件或复印件，1份）
2. 有效身份证明（复印件，1份）：复印件模糊不清，无法辨认
请于2026年1月13日前一次性补齐（7个工作日内），逾期视为撤回申请。
身份证号：110***********002X
四川省（绵阳）知识产权公共服务平台　2026年1月4日`);
    });
  });

  describe('escaping', () => {
    const evil = '<script>alert("x")</script>&';

    it('escapes values in html templates', () => {
      expect(render('{{applicant.name}}', caseContext({ applicantName: evil }))).to.equal(
        '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;',
      );
    });

    it('escapes helper output in html templates', () => {
      expect(render('{{mask applicant.name}}', caseContext({ applicantName: '<b>' }))).to.equal('&lt;*&gt;');
    });

    it('leaves text templates and subjects unescaped', () => {
      const rendered = renderTemplate({
        template: template('{{applicant.name}}', { format: 'text', subject: '{{applicant.name}}' }),
        context: caseContext({ applicantName: evil }),
        calendar,
      });
      expect(rendered).to.deep.equal({ subject: evil, body: evil });
      expect(render('{{applicant.name}}', caseContext({ applicantName: evil }), { format: 'html', subject: '{{applicant.name}}' })).not.to.contain('<script>');
    });
  });

  describe('helpers', () => {
    it('date and dateTime print instants and dates in China', () => {
      expect(render('{{date now}}|{{dateTime now}}')).to.equal('2026年1月4日|2026年1月4日 14:05');
      expect(render('{{date "2025-12-31T16:30:00Z"}}')).to.equal('2026年1月1日');
      expect(render('{{date "2025-10-08"}}|{{date item.code.basic}}|{{date platform.nothing}}')).to.equal('2025年10月8日|332199004000|');
    });

    it('mask keeps 3+4 of resident ids and mobiles, first and last of other text', () => {
      const context = { ...caseContext(), form: { id: '11010519491231002X', phone: '13800138000', name: '张三丰', short: '张三', one: '张' } };
      expect(render('{{mask form.id}}|{{mask form.phone}}|{{mask form.name}}|{{mask form.short}}|{{mask form.one}}|{{mask form.none}}', context)).to.equal(
        '110***********002X|138****8000|张*丰|张*|*|',
      );
    });

    it('addWorkingDays counts through the calendar, make-up days included', () => {
      expect(render('{{addWorkingDays "2025-09-30" 3}}|{{addWorkingDays "2025-12-31T08:00:00+08:00" 1}}')).to.equal('2025年10月11日|2026年1月4日');
    });

    it('limit prints each unit', () => {
      const withLimit = (value: number, unit: ItemContext['item']['timeLimit']['unit']) => ({
        ...itemContext,
        item: { ...itemContext.item, timeLimit: { value, unit, note: '' } },
      });
      const cases: Array<[number, string, string]> = [
        [3, 'workingDay', '3个工作日'],
        [15, 'calendarDay', '15个自然日'],
        [1, 'month', '1个月'],
        [4, 'hour', '4小时'],
      ];
      for (const [value, unit, text] of cases) expect(render('{{limit item.timeLimit}}', withLimit(value, unit))).to.equal(text);
    });

    it('text picks zh-CN, or en when the locale is en and the text has it', () => {
      const guide = template('{{text item.title}}|{{text platform.title}}');
      const inEnglish = renderTemplate({ template: guide, context: { ...itemContext, item: { ...itemContext.item, title: { 'zh-CN': '知识产权维权援助申请', en: 'IP assistance' } as never } }, calendar, locale: 'en' });
      expect(inEnglish.body).to.equal('IP assistance|四川省（绵阳）知识产权公共服务平台');
      expect(render('{{text item.title}}')).to.equal('知识产权维权援助申请');
    });

    it('eq, inc, join and levelLabel', () => {
      expect(render('{{#if (eq item.channel "online")}}网上{{else}}窗口{{/if}}')).to.equal('网上');
      expect(render('{{#each item.targets}}{{inc @index}}.{{this}} {{/each}}')).to.equal('1.权利人 2.利害关系人 ');
      expect(render('{{join item.targets}}|{{join item.targets " / "}}|{{join item.title}}')).to.equal('权利人、利害关系人|权利人 / 利害关系人|');
      const rated = (level: number) => ({ ...caseContext(), evaluation: { level, levelLabel: '', comment: '' } });
      expect([1, 2, 3, 4, 5, 0].map((level) => render('{{levelLabel evaluation.level}}', rated(level)))).to.deep.equal([
        '非常不满意',
        '不满意',
        '基本满意',
        '满意',
        '非常满意',
        '',
      ]);
    });
  });

  describe('sandboxing', () => {
    it('renders nothing for prototype properties', () => {
      const payloads = [
        '{{constructor}}',
        '{{item.constructor}}',
        '{{item.targets.constructor.name}}',
        '{{#with item}}{{__proto__}}{{/with}}',
        '{{lookup item "constructor"}}',
        '{{#with (lookup item "constructor")}}{{lookup this "name"}}{{/with}}',
        '{{#with "s" as |s|}}{{#with s.constructor as |c|}}{{c.name}}{{/with}}{{/with}}',
      ];
      for (const payload of payloads) expect(render(payload), payload).to.equal('');
    });

    it('lets no helper reach process or Function through the prototype chain', () => {
      const exploit =
        '{{#with "s" as |string|}}{{#with string.constructor as |S|}}{{#with (lookup S "constructor") as |F|}}' +
        '{{F "return process.version"}}{{/with}}{{/with}}{{/with}}';
      expect(render(exploit)).to.equal('');
      expect(render('{{join (lookup item "constructor") ","}}{{text (lookup item "constructor")}}{{mask (lookup item "constructor")}}')).to.equal('');
    });

    it('refuses helpers outside the declared list at compile time', () => {
      expect(() => render('{{evil item}}')).to.throw(/unknown helper evil/);
      expect(() => render('{{#evil item}}x{{/evil}}')).to.throw(/unknown helper evil/);
      // Without arguments it is a section over a missing value, not a helper call.
      expect(render('{{#evil}}x{{/evil}}')).to.equal('');
    });

    it('does not see partials or helpers registered on the global Handlebars', () => {
      Handlebars.registerPartial('leak', 'LEAKED');
      try {
        expect(() => render('{{> leak}}')).to.throw(/leak/);
      } finally {
        Handlebars.unregisterPartial('leak');
      }
    });
  });

  describe('caching', () => {
    it('renders the new body when a draft changes under the same id@version', () => {
      expect(render('版本一 {{item.title}}')).to.equal('版本一 知识产权维权援助申请');
      expect(render('版本二 {{item.id}}')).to.equal('版本二 ip-assistance');
      expect(render('版本一 {{item.title}}')).to.equal('版本一 知识产权维权援助申请');
    });
  });
});
