/**
 * Renders a Template definition with its declared context. Handlebars runs in an isolated
 * environment with exactly our helpers (knownHelpersOnly), prototype access off (the
 * Handlebars default, stated explicitly), HTML escaping for html templates, none for text.
 */
import Handlebars from 'handlebars';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { Template } from '../kinds/template.js';
import type { Locale } from '../text.js';
import type { CaseContext, ItemContext } from './context.js';
import { templateHelperNames } from './context.js';
import { createTemplateHelpers } from './helpers.js';

export interface RenderInput {
  template: Template;
  context: ItemContext | CaseContext;
  calendar: WorkingCalendar;
  /** Language of `{{text …}}`; Chinese by default, English where a text has it. */
  locale?: Locale;
}

export interface Rendered {
  subject: string;
  body: string;
}

type Compiled = HandlebarsTemplateDelegate<unknown>;

// Our own environment: nothing another module registers on the global Handlebars reaches us.
const handlebars = Handlebars.create();

// `log` is switched off: with knownHelpersOnly, a template that calls it does not compile.
const knownHelpers = { ...Object.fromEntries(templateHelperNames.map((name) => [name, true])), log: false } as KnownHelpers;

/** Bounds the cache: drafts edited in the designer compile a new source on every save. */
const MAX_CACHED = 500;

/**
 * Compiled sources by id@version, escaping mode and source text. The source is part of the
 * key (rather than a hash of it) so two drafts can never collide.
 */
const cache = new Map<string, Compiled>();

function compiled(template: Template, part: 'subject' | 'body', source: string): Compiled {
  const isEscaped = part === 'body' && template.format === 'html';
  const key = `${template.id}@${template.version}/${part}/${isEscaped ? 'html' : 'text'}\n${source}`;
  const found = cache.get(key);
  if (found !== undefined) return found;
  const fn = handlebars.compile(source, { strict: false, knownHelpers, knownHelpersOnly: true, noEscape: !isEscaped });
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
  cache.set(key, fn);
  return fn;
}

/**
 * Renders subject and body. The subject is plain text (mail headers and in-app titles escape
 * on their own); the body is HTML-escaped for `format: "html"` and left as is for `"text"`.
 *
 * @example
 * const { subject, body } = renderTemplate({ template: receipt, context: caseContext, calendar });
 */
export function renderTemplate(input: RenderInput): Rendered {
  const helpers = createTemplateHelpers(input.locale === undefined ? { calendar: input.calendar } : { calendar: input.calendar, locale: input.locale });
  const runtime: RuntimeOptions = { helpers, allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false };
  const subject = input.template.subject ?? '';
  return {
    subject: subject === '' ? '' : compiled(input.template, 'subject', subject)(input.context, runtime),
    body: compiled(input.template, 'body', input.template.body)(input.context, runtime),
  };
}
