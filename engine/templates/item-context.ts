/**
 * Builds the ItemContext guide templates render with. Every declared field is filled — absent
 * optional facts become '' or [] — so a template never prints "undefined", and labels come
 * from engine/labels.ts so the guide and the notices say the same thing.
 */
import type { Checklist, Material } from '../kinds/checklist.js';
import type { Platform } from '../kinds/platform.js';
import type { ServiceItem } from '../kinds/service-item.js';
import { basicCodeOf, implementationCode } from '../item-code.js';
import { channelLabels, limitText, materialFormLabels, stageTitles } from '../labels.js';
import { textOf } from '../text.js';
import type { ItemContext } from './context.js';

type Contact = ItemContext['item']['contact'];

export interface ItemContextInput {
  item: ServiceItem;
  platform: Platform;
  checklist: Checklist;
  /** The instant of rendering, ISO 8601 (the engine never reads the clock). */
  now: string;
}

/**
 * The context of a guide (办事指南) for one item on one platform.
 *
 * @example
 * const context = buildItemContext({ item, platform, checklist, now: '2026-01-04T06:05:00Z' });
 * context.item.timeLimitText; // '3个工作日'
 */
export function buildItemContext(input: ItemContextInput): ItemContext {
  const platformContact = contactOf(input.platform.contact);
  return {
    item: itemOf(input.item, input.platform, platformContact),
    platform: {
      id: input.platform.id,
      title: textOf(input.platform.title),
      level: input.platform.level,
      region: { code: input.platform.region.code, name: input.platform.region.name },
      organization: { name: input.platform.organization.name, uscc: input.platform.organization.uscc },
      contact: platformContact,
    },
    checklist: input.checklist.materials.map(checklistEntry),
    now: input.now,
  };
}

/**
 * The basic code, and the implementation code where this platform implements the item (its
 * USCC and level, as case numbers begin), not the code of the platform the item came from.
 */
function codesOf(item: ServiceItem, platform: Platform): ItemContext['item']['code'] {
  const basic = basicCodeOf(item);
  return basic === undefined ? { basic: '', implementation: '' } : { basic, implementation: implementationCode(item, platform) };
}

function itemOf(item: ServiceItem, platform: Platform, platformContact: Contact): ItemContext['item'] {
  const own = contactOf(item.contact);
  return {
    id: item.id,
    version: item.version,
    title: textOf(item.title),
    code: codesOf(item, platform),
    category: item.category,
    targets: [...item.targets],
    content: item.content,
    channel: item.channel,
    channelLabel: channelLabels[item.channel],
    channelNote: item.channelNote ?? '',
    department: { name: item.department.name, uscc: item.department.uscc ?? '' },
    legalBasis: [...item.legalBasis],
    conditions: [...(item.conditions ?? [])],
    refusalGrounds: [...(item.refusalGrounds ?? [])],
    timeLimit: { value: item.timeLimit.value, unit: item.timeLimit.unit, note: item.timeLimit.note ?? '' },
    timeLimitText: limitText(item.timeLimit),
    fee: { isFree: item.fee.isFree, amount: item.fee.amount ?? 0, description: item.fee.description ?? '' },
    feeText: feeText(item.fee),
    steps: item.steps.map((step) => ({ stage: step.stage, stageTitle: stageTitles[step.stage], description: step.description })),
    // The item's own contact first; where it has none, the platform's service desk answers.
    contact: {
      phone: own.phone || platformContact.phone,
      address: own.address || platformContact.address,
      hours: own.hours || platformContact.hours,
    },
  };
}

/** 免费; 200元; 200元（按件收取）; or the fee rules in words when there is no fixed amount. */
function feeText(fee: ServiceItem['fee']): string {
  if (fee.isFree) return '免费';
  const description = fee.description ?? '';
  if (fee.amount === undefined) return description;
  return description === '' ? `${fee.amount}元` : `${fee.amount}元（${description}）`;
}

function contactOf(contact: { phone?: string; address?: string; hours?: string } | undefined): Contact {
  return { phone: contact?.phone ?? '', address: contact?.address ?? '', hours: contact?.hours ?? '' };
}

function checklistEntry(material: Material): ItemContext['checklist'][number] {
  return {
    key: material.key,
    name: material.name,
    form: material.form,
    formLabel: materialFormLabels[material.form],
    count: material.count,
    condition: material.condition ?? '',
    isAlwaysRequired: material.required === true,
    fileTypes: [...material.fileTypes],
    maxSizeMB: material.maxSizeMB,
    isDeferrable: material.isDeferrable ?? false,
    sample: material.sample ?? '',
    note: material.note ?? '',
  };
}
