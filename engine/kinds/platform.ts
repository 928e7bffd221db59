import { Type, type Static } from '@sinclair/typebox';
import { header, kindObject, Limit, refTo } from './common.js';
import { Network } from './network.js';
import { PlatformLevel } from './platform-level.js';

export { PlatformLevel } from './platform-level.js';

export const DatedEntry = Type.Object(
  {
    date: Type.String({ format: 'date', description: 'The day, YYYY-MM-DD.' }),
    name: Type.String({ minLength: 1, description: 'Why (holiday name, closure reason).' }),
  },
  { additionalProperties: false, description: 'A named day.' },
);

export const Platform = kindObject(
  {
    ...header('Platform', 'platform'),
    level: PlatformLevel,
    parent: Type.Optional(refTo('Platform', 'one level up')),
    region: Type.Object(
      {
        code: Type.String({ pattern: '^[0-9]{6}$', description: 'GB/T 2260 region code.' }),
        name: Type.String({ minLength: 1, description: 'Region name, e.g. 绵阳.' }),
      },
      { additionalProperties: false, description: 'The region the platform serves.' },
    ),
    organization: Type.Object(
      {
        name: Type.String({ minLength: 1, description: 'The body that runs the platform.' }),
        uscc: Type.String({ pattern: '^[0-9A-HJ-NPQRTUWXY]{18}$', description: 'Its unified social credit code.' }),
      },
      { additionalProperties: false, description: '建设主体: who runs it.' },
    ),
    conditions: Type.Optional(
      Type.Object(
        {
          areaM2: Type.Number({ minimum: 0, description: 'Floor area of the workplace in m².' }),
          staff: Type.Integer({ minimum: 0, description: 'Number of staff.' }),
          computers: Type.Integer({ minimum: 0, description: 'Number of computers.' }),
        },
        { additionalProperties: false, description: 'Construction conditions (建设条件) as declared.' },
      ),
    ),
    contact: Type.Optional(
      Type.Object(
        {
          phone: Type.Optional(Type.String({ description: 'Service telephone.' })),
          address: Type.Optional(Type.String({ description: 'Address of the service hall.' })),
          hours: Type.Optional(Type.String({ description: 'Office hours.' })),
        },
        { additionalProperties: false, description: 'How applicants reach the platform.' },
      ),
    ),
    lists: Type.Array(refTo('ServiceList', 'the platform publishes'), { description: 'The lists the platform publishes, in order.' }),
    settings: Type.Object(
      {
        rectification: Limit,
        closures: Type.Optional(Type.Array(DatedEntry, { description: 'Local closures: extra days off for this platform.' })),
        extraWorkdays: Type.Optional(Type.Array(DatedEntry, { description: 'Local extra working days.' })),
      },
      { additionalProperties: false, description: 'Run-time settings of the platform.' },
    ),
    network: Type.Optional(Network),
  },
  'Platform: one public service platform of the network, its region, operator and settings.',
);
export type Platform = Static<typeof Platform>;
