/** Server problems shown at the form fields they name (`/text` → field `text`), the rest as one line. */
import type { FormInstance } from 'antd';
import { problemsOf } from '../desk/format';

/** Puts each problem under its field; returns what no field took (empty when all did). */
export function showFieldErrors(form: FormInstance, failure: unknown, fields: string[]): string {
  const { message, problems } = problemsOf(failure);
  const atField = problems.filter((p) => fields.includes(p.path.split('/')[1] ?? ''));
  form.setFields(atField.map((p) => ({ name: p.path.split('/')[1] as string, errors: [p.message] })));
  const rest = problems.filter((p) => !atField.includes(p));
  if (atField.length > 0 && rest.length === 0) return '';
  return rest.map((p) => p.message).join('；') || message;
}
