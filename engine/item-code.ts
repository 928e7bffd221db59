/**
 * Item codes in the GB/T 39554.1 layout: the 12-digit basic code (基本编码) names an item the
 * same at every level and in every version; the 31-character implementation code (实施编码)
 * names it where one body implements it: that body's USCC (18) + its exercise level (1) +
 * the basic code (12). Case numbers start with the implementation code.
 */
import type { Platform } from './kinds/platform.js';
import type { ServiceItem } from './kinds/service-item.js';

/** 行使层级 digit by platform level: 2 province, 3 city, 4 county, park and workstation. */
const levelDigit: Record<Platform['level'], string> = { province: '2', city: '3', county: '4', park: '4', workstation: '4' };

/** The item's basic code: its own, or the last 12 digits of the implementation code it carries. */
export function basicCodeOf(item: ServiceItem): string | undefined {
  return item.code?.basic ?? item.code?.implementation?.slice(19);
}

/**
 * The 实施编码 of an item where this platform implements it: the platform's own body (USCC) and
 * level, then the item's basic code (twelve zeros when it has none). The same province item
 * therefore gets a different implementation code on each platform, and keeps it across versions
 * and localizations, since a localization keeps the basic code.
 *
 * @example implementationCode(pledgeItem, mianyang) // '12510700MB0000008G3' + '512199001000'
 */
export function implementationCode(item: ServiceItem, platform: Platform): string {
  return `${platform.organization.uscc}${levelDigit[platform.level]}${basicCodeOf(item) ?? '000000000000'}`;
}
