import { Type, type Static } from '@sinclair/typebox';
import { header, Key, kindObject, Rule } from './common.js';

export const Material = Type.Object(
  {
    key: Key,
    name: Type.String({ minLength: 1, description: 'Name of the material as printed in the guide and notices.' }),
    required: Type.Union([Type.Boolean({ description: 'Always required (true) or always optional (false).' }), Rule], {
      description: 'Whether it is required: a boolean, or a JSON Logic rule over the form data ({"var": "form.…"}).',
    }),
    condition: Type.Optional(Type.String({ description: 'The required-ness rule in words, for the guide (e.g. 委托代理办理时).' })),
    form: Type.Union(
      [Type.Literal('original'), Type.Literal('copy'), Type.Literal('originalOrCopy'), Type.Literal('scan'), Type.Literal('electronic')],
      { description: 'Original (原件), copy (复印件), either, scan (扫描件) or born-digital (电子件).' },
    ),
    count: Type.Integer({ minimum: 1, maximum: 99, description: 'How many copies (份数).' }),
    fileTypes: Type.Array(Type.String({ pattern: '^[a-z0-9]{2,5}$', description: 'A file extension, lower case.' }), {
      minItems: 1,
      description: 'Accepted file types for upload, by extension (pdf, jpg, png, ofd …).',
    }),
    maxSizeMB: Type.Number({ exclusiveMinimum: 0, maximum: 200, description: 'Largest accepted file, in megabytes.' }),
    maxFiles: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, description: 'Most files one may upload for this material (default 5).' })),
    sample: Type.Optional(Type.String({ description: 'Name or address of a sample (样表) the applicant may look at.' })),
    isDeferrable: Type.Optional(
      Type.Boolean({ description: '容缺: may be supplied after acceptance; a missing deferrable material does not block acceptance.' }),
    ),
    note: Type.Optional(Type.String({ description: 'Extra requirements (signature, seal, validity) in words.' })),
  },
  { additionalProperties: false, description: 'One material the applicant supplies.' },
);
export type Material = Static<typeof Material>;

export const Checklist = kindObject(
  {
    ...header('Checklist', 'material checklist'),
    materials: Type.Array(Material, { minItems: 1, description: '材料清单: the materials, in the order the guide prints them.' }),
  },
  'Checklist (材料清单): which materials a case needs, given its form data.',
);
export type Checklist = Static<typeof Checklist>;
