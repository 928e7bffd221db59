import { Type, type Static } from '@sinclair/typebox';
import { header, kindObject } from './common.js';

/**
 * A Form holds a JSON Schema and an rjsf uiSchema, kept exactly as written: any schema rjsf
 * renders is a form the designer can open and save back (its playground samples are the test).
 * The server validates submissions with Ajv against exactly this schema, configured like
 * @rjsf/validator-ajv8, so the client and the server agree on what is valid. A form a
 * ServiceItem uses must be an object at its root (checked with the references, not here).
 */
export const Form = kindObject(
  {
    ...header('Form', 'form'),
    schema: Type.Record(Type.String(), Type.Unknown(), {
      description:
        'The JSON Schema of the form data: draft-07 (what rjsf uses), or 2020-12 when "$schema" names it. Any root type; a service item\'s form must have "type": "object". Custom formats: cn-resident-id, cn-uscc, cn-mobile, region.',
    }),
    uiSchema: Type.Optional(
      Type.Record(Type.String(), Type.Unknown(), { description: 'The rjsf uiSchema: widgets, order, help texts; "ui:" keys at any level.' }),
    ),
    sampleData: Type.Optional(
      Type.Unknown({
        description: "Example data shown in the designer's preview and used for template previews; never submitted, and not required to be valid.",
      }),
    ),
  },
  'Form: the data an applicant enters, as JSON Schema plus uiSchema.',
);
export type Form = Static<typeof Form>;
