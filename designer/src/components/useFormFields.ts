/**
 * Which forms a checklist's or workflow's rules read, and their fields for the rule builder.
 * A rule must hold for every item that uses the checklist or workflow (the engine checks each
 * item's form), so the fields offered are those every one of these forms has.
 */
import { useEffect, useMemo, useState } from 'react';
import { definitionsApi } from '../api/definitions';
import { latestPerId } from './DefinitionIndex';
import { commonFields, formRuleFields } from './rule-fields';
import type { RuleField } from './rule-model';
import { versionToEdit } from './useDefinitionEditor';

interface ItemRefs {
  form?: string;
  checklist?: string;
  workflow?: string;
}

/** The body the studio would edit of each visible definition of a kind. */
async function bodiesOf<B>(kind: 'ServiceItem' | 'Form', ids?: string[]): Promise<Array<{ id: string; body: B }>> {
  const wanted = ids ?? latestPerId(await definitionsApi.list({ kind })).map((d) => d.id);
  const found = await Promise.all(
    wanted.map(async (id) => {
      const version = versionToEdit(await definitionsApi.versions<B>(kind, id).catch(() => []));
      return version ? { id, body: version.body } : undefined;
    }),
  );
  return found.filter((f): f is { id: string; body: B } => f !== undefined);
}

/** The ids of the forms of the items that use this checklist or workflow. */
export async function formsUsedBy(use: { checklist: string } | { workflow: string }): Promise<string[]> {
  const items = await bodiesOf<ItemRefs>('ServiceItem');
  const using = items.filter(({ body }) => ('checklist' in use ? body.checklist === use.checklist : body.workflow === use.workflow));
  return [...new Set(using.map(({ body }) => body.form).filter((id): id is string => typeof id === 'string'))].sort();
}

export interface FormFields {
  /** The fields every chosen form has, labelled as the form labels them. */
  fields: RuleField[];
  isLoading: boolean;
}

/** Rule fields of the given forms (fetched once per set of ids). */
export function useFormFields(formIds: string[] | undefined): FormFields {
  const [byForm, setByForm] = useState<Record<string, RuleField[]>>({});
  const [isLoading, setLoading] = useState(false);
  const key = (formIds ?? []).join(',');
  useEffect(() => {
    if (key === '') return;
    let isCurrent = true;
    setLoading(true);
    void bodiesOf<{ schema?: unknown; uiSchema?: unknown }>('Form', key.split(','))
      .then((forms) => {
        if (isCurrent) setByForm(Object.fromEntries(forms.map(({ id, body }) => [id, formRuleFields(body.schema, body.uiSchema)])));
      })
      .finally(() => isCurrent && setLoading(false));
    return () => {
      isCurrent = false;
    };
  }, [key]);
  const fields = useMemo(() => (key === '' ? [] : commonFields(key.split(',').map((id) => byForm[id] ?? []))), [key, byForm]);
  return { fields, isLoading };
}
