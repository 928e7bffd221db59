/**
 * A refusal from the server, split the way a form shows it: the problems whose JSON pointer is a
 * field of the form go to that field (`fieldProblem`), everything else — or the detail when there
 * are no problems — goes in one alert above the buttons. Nothing is swallowed.
 */
import { Alert } from 'antd';
import { ApiError } from '../api/client';

const isAt = (path: string, pointer: string) => path === pointer || path.startsWith(`${pointer}/`);

/** The server's messages for the field at `pointer` (or below it), for Form.Item's help. */
export function fieldProblem(error: unknown, pointer: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const found = error.problems.filter((problem) => isAt(problem.path, pointer));
  return found.length > 0 ? found.map((problem) => problem.message).join(' ') : undefined;
}

/** Form.Item props showing the server's messages at the field. */
export function fieldStatus(error: unknown, pointer: string): { validateStatus?: 'error'; help?: string } {
  const help = fieldProblem(error, pointer);
  return help ? { validateStatus: 'error', help } : {};
}

export function FailureAlert({ error, fields = [], testId = 'failure' }: { error: unknown; fields?: string[]; testId?: string }) {
  if (!error) return null;
  const problems = error instanceof ApiError ? error.problems : [];
  const rest = problems.filter((problem) => !fields.some((field) => isAt(problem.path, field)));
  if (problems.length > 0 && rest.length === 0) return null;
  const messages = rest.length > 0 ? rest.map((problem) => problem.message) : [(error as Error).message];
  return <Alert type="error" showIcon role="alert" data-testid={testId} title={messages.join(' ')} style={{ marginBottom: 12 }} />;
}
