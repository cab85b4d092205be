import { spawn } from 'node:child_process';

export interface ProgramResult {
  /** null when it was killed */
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/** Output kept per stream: enough for a version, a language list or an error's last lines. */
const OUTPUT_LIMIT = 64 * 1024;

/**
 * Runs a program (no shell: arguments are never parsed) and waits for it. On timeout its whole
 * process group is killed: ocrmypdf starts tesseract and Ghostscript children that would otherwise
 * go on working. Rejects only when the program cannot be started (ENOENT: not installed).
 */
export function runProgram(command: string, args: readonly string[], options: { timeoutMs: number; cwd?: string }): Promise<ProgramResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (part: Buffer) => (stdout = (stdout + part.toString('utf8')).slice(-OUTPUT_LIMIT)));
    child.stderr.on('data', (part: Buffer) => (stderr = (stderr + part.toString('utf8')).slice(-OUTPUT_LIMIT)));
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL'); // the group is gone already
      }
    }, options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut });
    });
  });
}
