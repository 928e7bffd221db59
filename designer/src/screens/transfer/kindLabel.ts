/** A definition kind in the user's words: the title of the studio screen that edits it, or its own name. */
import type { TFunction } from 'i18next';

const screenOf: Record<string, string> = {
  ServiceList: 'lists',
  ServiceItem: 'items',
  Form: 'forms',
  Checklist: 'checklists',
  Workflow: 'flows',
  Template: 'templates',
};

export function kindLabel(t: TFunction, kind: string): string {
  const ns = screenOf[kind];
  return ns ? t('title', { ns }) : t(`kind_${kind}`, { ns: 'transfer', defaultValue: kind });
}
