/** Runs the `ipsp` command line as a user would: a real process from the project root. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { projectRoot } from '../../server/paths.js';

const run = promisify(execFile);

/** `ipsp <args>` with `env` added to this process's environment; never throws, answers the exit code. */
export async function ipsp(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'server/cli/main.ts', ...args], { cwd: projectRoot, env: { ...process.env, ...env }, timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}
