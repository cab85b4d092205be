import { runProgram } from './run-program';

describe('runProgram', () => {
  it('returns the exit code and output', async () => {
    expect(await runProgram('sh', ['-c', 'echo một; echo hai >&2; exit 3'], { timeoutMs: 10_000 })).toEqual({ code: 3, stdout: 'một\n', stderr: 'hai\n', timedOut: false });
  });

  it('kills the program and its children on timeout', async () => {
    const started = Date.now();
    const result = await runProgram('sh', ['-c', 'sleep 30 & sleep 30; wait'], { timeoutMs: 200 });
    expect(result).toMatchObject({ code: null, timedOut: true });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('rejects when the program is not installed', async () => {
    await expect(runProgram('no-such-program-e-office', [], { timeoutMs: 1_000 })).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
