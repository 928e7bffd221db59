import { Type, type Static } from '@sinclair/typebox';
import { header, kindObject, refTo } from './common.js';

export const ListType = Type.Union(
  [Type.Literal('public'), Type.Literal('valueAdded'), Type.Literal('implementation'), Type.Literal('personalized')],
  { description: 'Which list: 公共服务事项清单 (public), 增值服务清单 (valueAdded), 实施清单 (implementation), 个性化清单 (personalized).' },
);

export const ListEntry = Type.Object(
  {
    item: refTo('ServiceItem', 'listed here'),
    note: Type.Optional(Type.String({ description: 'A remark shown in the list (备注).' })),
  },
  { additionalProperties: false, description: 'One row; its columns come from the item.' },
);

export const ServiceList = kindObject(
  {
    ...header('ServiceList', 'service list'),
    listType: ListType,
    entries: Type.Array(ListEntry, { description: 'The rows in order; 序号 is the position.' }),
  },
  'ServiceList (清单): an ordered list of service items; its columns are read from the items.',
);
export type ServiceList = Static<typeof ServiceList>;
