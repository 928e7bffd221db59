/**
 * Human text of definitions (`Text`: a Chinese string, or `{ "zh-CN", en? }`) as one string.
 */
import type { Text } from './kinds/common.js';

/** The locales the product writes text in; Chinese is the default and always present. */
export type Locale = 'zh-CN' | 'en';

/**
 * The text in `locale`, falling back to Chinese when there is no English; '' for no text.
 *
 * @example textOf({ 'zh-CN': '读者证办理', en: 'Library card application' }, 'en') // 'Library card application'
 */
export function textOf(text: Text | undefined, locale: Locale = 'zh-CN'): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return (locale === 'en' ? text.en : undefined) || text['zh-CN'];
}
