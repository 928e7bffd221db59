/** How the desk writes instants and reads the server's due-date signals. */
import { ApiError, type Problem } from '../../api/client';
import type { CaseEvent } from '../../api/desk';

/** How often the case was urged (催办) since its current clocks started, from its timeline. */
export function urgesOf(events: CaseEvent[]): number {
  const lastStart = Math.max(-1, ...events.filter((e) => e.type === 'clock.started' || e.type === 'clock.resumed').map((e) => e.seq));
  return events.filter((e) => e.seq > lastStart && e.type === 'case.urged').length;
}

/** A failed call as the screen shows it: the server's problems when it gave them, else its message. */
export function problemsOf(failure: unknown): { message: string; problems: Problem[] } {
  if (failure instanceof ApiError) return { message: failure.message, problems: failure.problems };
  return { message: String((failure as Error)?.message ?? failure), problems: [] };
}

/** A failed call in one line: its problems' messages, else its message. */
export function problemText(failure: unknown): string {
  const { message, problems } = problemsOf(failure);
  return problems.map((p) => p.message).join('；') || message;
}
