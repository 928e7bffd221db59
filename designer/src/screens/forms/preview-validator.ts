/**
 * The preview's validator: @rjsf/validator-ajv8 with the engine's own custom formats
 * (cn-resident-id, cn-uscc, cn-mobile, region) and rjsf's Ajv options, Ajv2020 for a form that
 * names 2020-12 — the same checks the server runs on a submission, so the preview agrees with it.
 * In Chinese, messages come from the engine's form problems, as the server words them.
 */
import { customizeValidator } from '@rjsf/validator-ajv8';
import type { ErrorObject } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import dayjs from 'dayjs';
import { declaresIds, formDraftOf } from '../../../../engine/forms/form-ajv.js';
import { formatValidators } from '../../../../engine/forms/formats.js';
import { formProblems } from '../../../../engine/forms/form-problems.js';

/** rjsf quotes property names in `params` before localizing (to swap in titles later); the engine wants them bare. */
function unquoted(params: ErrorObject['params']): ErrorObject['params'] {
  const bare = { ...params } as Record<string, unknown>;
  for (const key of ['missingProperty', 'property']) {
    const value = bare[key];
    if (typeof value === 'string') bare[key] = value.replace(/^'(.*)'$/, '$1');
  }
  return bare;
}

/** Rewrites Ajv's messages in place with the server's Chinese wording, which names the field by its title. */
function localizeZh(errors?: null | ErrorObject[]): void {
  for (const error of errors ?? []) {
    const [problem] = formProblems([{ ...error, params: unquoted(error.params) }], undefined);
    if (problem) error.message = problem.message;
  }
}

const cache = new Map<string, ReturnType<typeof customizeValidator>>();

/**
 * The validator for a form: one per draft and language (an Ajv instance is costly), except for
 * a schema that declares `$id`s, which gets its own, because Ajv keeps ids per instance and an
 * edited schema would collide with its previous self (the server does the same).
 */
export function previewValidator(schema: unknown, language: string): ReturnType<typeof customizeValidator> {
  const draft = formDraftOf(schema) ?? 'draft-07';
  const isChinese = !language.startsWith('en');
  const create = () =>
    customizeValidator(
      {
        customFormats: formatValidators({ today: () => dayjs().format('YYYY-MM-DD') }),
        ajvOptionsOverrides: { verbose: true },
        ...(draft === '2020-12' ? { AjvClass: Ajv2020 as never } : {}),
      },
      isChinese ? localizeZh : undefined,
    );
  if (declaresIds(schema)) return create();
  const key = `${draft}:${isChinese}`;
  const cached = cache.get(key) ?? create();
  cache.set(key, cached);
  return cached;
}
