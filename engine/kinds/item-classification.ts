/**
 * Service classification (分级分类): what kind of service an item is and how far down the
 * platform network it is delivered. Statistics break figures down by it and the dynamic
 * management of the item list reviews items within it.
 */
import { Type, type Static } from '@sinclair/typebox';
import { PlatformLevel } from './platform-level.js';

/** 服务性质: the list an item belongs to. */
export const ServiceClass = Type.Union([Type.Literal('public'), Type.Literal('personalized'), Type.Literal('value-added')], {
  description:
    '服务性质（分类）: public (公共服务, the basic services every platform of its level offers, free or at low cost), ' +
    'personalized (个性化服务, a platform\'s own services for its much-used, distinctive needs) or ' +
    'value-added (增值服务, professional services beyond the basic ones, usually with a market partner).',
});
export type ServiceClass = Static<typeof ServiceClass>;

export const ItemClassification = Type.Object(
  {
    class: ServiceClass,
    level: Type.Union(PlatformLevel.anyOf, {
      description:
        '服务层级（分级）: the lowest level of the network the service is delivered at: province (省级统一办理), city (市州及以上), ' +
        'county (县区及以上), park or workstation (延伸到园区、工作站). A platform below that level shows the item but refers the applicant up.',
    }),
  },
  {
    additionalProperties: false,
    description:
      '分级分类: the item\'s class and level in the platform\'s classification scheme. Statistics are filtered by class, and the ' +
      'dynamic management of the item list (items unused or poorly rated, flagged for review) is read per class.',
  },
);
export type ItemClassification = Static<typeof ItemClassification>;
