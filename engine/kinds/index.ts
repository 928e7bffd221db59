/**
 * The registry of definition kinds: one entry per kind, naming its schema. Everything that
 * needs to know the kinds (loader, generator, designer, docs) reads this list.
 */
import type { Static, TSchema } from '@sinclair/typebox';
import { Calendar } from './calendar.js';
import { Checklist } from './checklist.js';
import { Form } from './form.js';
import { Platform } from './platform.js';
import { ServiceItem } from './service-item.js';
import { ServiceList } from './service-list.js';
import { Template } from './template.js';
import { Workflow } from './workflow.js';

export const kinds = {
  ServiceItem,
  Form,
  Checklist,
  Workflow,
  Template,
  ServiceList,
  Platform,
  Calendar,
} as const satisfies Record<string, TSchema>;

export type KindName = keyof typeof kinds;
export const kindNames = Object.keys(kinds) as KindName[];

export type DefinitionOf<K extends KindName> = Static<(typeof kinds)[K]>;
export type Definition = { [K in KindName]: DefinitionOf<K> }[KindName];

export function isKindName(value: unknown): value is KindName {
  return typeof value === 'string' && Object.hasOwn(kinds, value);
}

export * from './common.js';
export type { Calendar } from './calendar.js';
export type { Checklist, Material } from './checklist.js';
export type { Form } from './form.js';
export type { Platform, PlatformLevel } from './platform.js';
export type { AwardRule, Construction, NamingRule, NameMistake, Network, RegistryStatus } from './network.js';
export type { ServiceItem } from './service-item.js';
export type { ItemClassification, ServiceClass } from './item-classification.js';
export type { ServiceList } from './service-list.js';
export type { Template } from './template.js';
export type { Action, Branch, Channel, Effect, LimitSource, Recipient, Role, Stage, Step, Workflow } from './workflow.js';
