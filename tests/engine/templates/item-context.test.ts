import { expect } from 'chai';
import { Value } from '@sinclair/typebox/value';
import { buildItemContext } from '../../../engine/templates/item-context.js';
import { ItemContext } from '../../../engine/templates/context.js';
import { assistanceChecklist, assistanceItem, mianyangPlatform } from './assistance-fixture.js';

const now = '2026-01-04T06:05:00Z';

describe('buildItemContext', () => {
  describe('given the 维权援助 item on the 绵阳 platform', () => {
    const context = buildItemContext({ item: assistanceItem(), platform: mianyangPlatform(), checklist: assistanceChecklist(), now });

    it('fills every declared field of ItemContext, with no extra ones', () => {
      expect([...Value.Errors(ItemContext, context)].map((e) => `${e.path} ${e.message}`)).to.deep.equal([]);
      expect(JSON.stringify(context)).not.to.contain('undefined');
    });

    it('prints labels, the time limit and the fee in words', () => {
      expect(context.item.title).to.equal('知识产权维权援助申请');
      expect(context.item.channelLabel).to.equal('网上办理');
      expect(context.item.timeLimitText).to.equal('15个工作日');
      expect(context.item.timeLimit).to.deep.equal({ value: 15, unit: 'workingDay', note: '自受理之日起算' });
      expect(context.item.feeText).to.equal('免费');
      expect(context.item.fee).to.deep.equal({ isFree: true, amount: 0, description: '' });
    });

    it('titles each step by its stage', () => {
      expect(context.item.steps.map((s) => s.stageTitle)).to.deep.equal(['服务咨询', '申请受理', '服务实施']);
    });

    it('turns missing optional facts into empty strings and lists', () => {
      expect(context.item.refusalGrounds).to.deep.equal([]);
      expect(context.item.department).to.deep.equal({ name: '绵阳市知识产权维权援助中心', uscc: '' });
    });

    it("falls back to the platform's contact when the item has none", () => {
      expect(context.item.contact).to.deep.equal({ phone: '0816-12330', address: '绵阳市涪城区示例路1号', hours: '工作日 9:00-17:00' });
    });

    it('labels each material form and marks only required: true as always required', () => {
      expect(context.checklist.map((m) => m.formLabel)).to.deep.equal(['原件', '复印件', '原件或复印件', '扫描件', '电子件']);
      expect(context.checklist.map((m) => m.isAlwaysRequired)).to.deep.equal([true, true, true, false, false]);
      expect(context.checklist[3]).to.include({ condition: '委托办理时', isDeferrable: true, sample: '', note: '' });
      expect(context.checklist[0]).to.include({ sample: '申请表样表.pdf', condition: '', isDeferrable: false });
    });

    it('copies the platform and now', () => {
      expect(context.platform).to.include({ id: 'mianyang', title: '四川省（绵阳）知识产权公共服务平台', level: 'city' });
      expect(context.now).to.equal(now);
    });
  });

  describe('given an item that charges a fee and is handled at the window or online', () => {
    it('prints 网上办理或窗口办理 and the amount with its note', () => {
      const item = { ...assistanceItem(), channel: 'both' as const, fee: { isFree: false, amount: 200, description: '按件收取' } };
      const context = buildItemContext({ item, platform: mianyangPlatform(), checklist: assistanceChecklist(), now });
      expect(context.item.channelLabel).to.equal('网上办理或窗口办理');
      expect(context.item.feeText).to.equal('200元（按件收取）');
    });

    it('prints the fee rules alone when there is no fixed amount', () => {
      const item = { ...assistanceItem(), channel: 'offline' as const, fee: { isFree: false, description: '低成本，按公示标准收费' } };
      const context = buildItemContext({ item, platform: mianyangPlatform(), checklist: assistanceChecklist(), now });
      expect(context.item.channelLabel).to.equal('窗口办理');
      expect(context.item.feeText).to.equal('低成本，按公示标准收费');
    });
  });
});
