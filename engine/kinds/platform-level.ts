import { Type, type Static } from '@sinclair/typebox';

export const PlatformLevel = Type.Union(
  [Type.Literal('province'), Type.Literal('city'), Type.Literal('county'), Type.Literal('park'), Type.Literal('workstation')],
  { description: 'Level in the network: province (省级), city (市州), county (县区), park (园区), workstation (工作站).' },
);
export type PlatformLevel = Static<typeof PlatformLevel>;
