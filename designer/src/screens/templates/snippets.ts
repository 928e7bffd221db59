/**
 * Helper snippets the variables panel offers: one per template helper worth showing
 * (engine/templates/helpers.ts), written with variables of the template's context.
 */
export interface Snippet {
  /** Names the label (templates:snippet_<key>). */
  key: string;
  text: string;
  /** Where the caret goes inside `text`; default after it. */
  caret?: number;
  /** Contexts that have the variables it uses; all when absent. */
  contexts?: Array<'item' | 'case'>;
}

export const snippets: Snippet[] = [
  { key: 'date', text: '{{date now}}' },
  { key: 'dateTime', text: '{{dateTime now}}' },
  { key: 'each', text: '{{#each checklist}}\n{{inc @index}}. {{name}}\n{{/each}}' },
  { key: 'if', text: '{{#if item.channelNote}}{{item.channelNote}}{{/if}}', caret: '{{#if item.channelNote}}'.length },
  { key: 'join', text: '{{join item.targets "、"}}' },
  { key: 'limit', text: '{{limit item.timeLimit}}' },
  { key: 'mask', text: '{{mask applicant.phone}}', contexts: ['case'] },
  { key: 'addWorkingDays', text: '{{addWorkingDays case.acceptedAt 5}}', contexts: ['case'] },
];
