import { Type, type Static } from '@sinclair/typebox';
import { header, kindObject } from './common.js';

/**
 * A Form holds a JSON Schema (draft-07, what @rjsf/validator-ajv8 uses) and an rjsf uiSchema.
 * The server validates submissions with Ajv against exactly this schema, so the client and the
 * server agree on what is valid.
 */
export const Form = kindObject(
  {
    ...header('Form', 'form'),
    schema: Type.Object(
      {
        type: Type.Literal('object', { description: 'A form is always an object at its root.' }),
        properties: Type.Record(Type.String(), Type.Unknown(), { description: 'The fields, as JSON Schema properties.' }),
      },
      {
        additionalProperties: true,
        description: 'The JSON Schema (draft-07) of the form data; custom formats: cn-resident-id, cn-uscc, cn-mobile.',
      },
    ),
    uiSchema: Type.Optional(
      Type.Record(Type.String(), Type.Unknown(), { description: 'The rjsf uiSchema: widgets, order, help texts.' }),
    ),
  },
  'Form: the data an applicant enters, as JSON Schema plus uiSchema.',
);
export type Form = Static<typeof Form>;
