import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { allFixtures, fixture } from '../testing/fixtures';
import { describeFailure, runEdxmlCommand } from './edxml-commands';

const ROOT = resolve(__dirname, '../../../..');
const run = promisify(execFile);

/** The command line as `npm run edxml --` runs it; resolves with the exit code instead of throwing. */
async function edxml(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['-r', 'ts-node/register/transpile-only', 'libs/edxml/src/cli/edxml-cli.ts', ...args], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run edxml', () => {
  let work: string;
  beforeAll(() => (work = mkdtempSync(join(tmpdir(), 'edxml-cli-'))));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('is the package script', async () => {
    const { stdout } = await run('npm', ['run', '-s', 'edxml', '--', 'parse', fixture('status_03_registered.edxml')], { cwd: ROOT });
    expect(JSON.parse(stdout)).toMatchObject({ kind: 'status', message: { header: { statusCode: '03' } } });
  });

  it.each(allFixtures().map(({ name, path }) => [name, path]))('parse %s (the command, in this process)', async (name, path) => {
    const output = new PassThrough();
    const chunks: Buffer[] = [];
    output.on('data', (chunk: Buffer) => chunks.push(chunk));
    const failure = await runEdxmlCommand(['parse', path], output).then(() => undefined, (error: unknown) => describeFailure(error));
    const stdout = Buffer.concat(chunks).toString('utf8');
    if (name.startsWith('malformed_')) {
      expect(stdout).toBe('');
      expect(failure).toMatch(/^refused \(NOT_WELL_FORMED\): [^\n]+$/);
      return;
    }
    expect(failure).toBeUndefined();
    const json = JSON.parse(stdout);
    expect(['document', 'status']).toContain(json.kind);
    for (const attachment of json.message.attachments ?? []) {
      expect(Object.keys(attachment)).not.toContain('payloadBase64');
      if (attachment.size !== undefined) expect(attachment.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it.each(['edoc_update_small.edxml', 'malformed_template_unbound_xlink.edxml', 'nonconformant_gateway_v0.edxml'])('parse %s as a process: JSON and exit 0, or one line and exit 1', async (name) => {
    const { code, stdout, stderr } = await edxml('parse', fixture(name));
    if (name.startsWith('malformed_')) {
      expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
      expect(stderr).toMatch(/^edxml: refused \(NOT_WELL_FORMED\): [^\n]+\n$/);
    } else {
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      expect(JSON.parse(stdout).kind).toBe('document');
    }
  }, 30_000);

  it.each(['edoc_new_small.edxml', 'status_13_recall_request.edxml'])('parse --with-content, build, parse %s gives the same message', async (name) => {
    const first = await edxml('parse', fixture(name), '--with-content');
    writeFileSync(join(work, `${name}.json`), first.stdout);
    const built = await edxml('build', join(work, `${name}.json`), join(work, name), '--as-received');
    expect(built).toMatchObject({ code: 0, stderr: '' });
    const second = await edxml('parse', join(work, name), '--with-content');
    const message = (stdout: string) => ({ ...JSON.parse(stdout).message, signature: undefined });
    expect(message(second.stdout)).toEqual(message(first.stdout));
  }, 30_000);

  it('refuses to build a message with a field too long, naming it in one line', async () => {
    const first = await edxml('parse', fixture('gateway_three_attachments.edxml'), '--with-content');
    writeFileSync(join(work, 'long.json'), first.stdout);
    const built = await edxml('build', join(work, 'long.json'), join(work, 'long.edxml'));
    expect(built.code).toBe(1);
    expect(built.stderr).toMatch(/^edxml: edXML message is not valid: MessageHeader\/Code\/CodeNumber: is 14 characters long, at most 11 allowed.*\n$/);
  }, 30_000);

  it('says what is wrong with hostile input or a wrong command, in one line, exit code 1', async () => {
    writeFileSync(join(work, 'xxe.edxml'), '<!DOCTYPE edXML [<!ENTITY x SYSTEM "file:///etc/passwd">]><edXML>&x;</edXML>');
    expect(await edxml('parse', join(work, 'xxe.edxml'))).toEqual({ code: 1, stdout: '', stderr: 'edxml: refused (DOCTYPE_REFUSED): the message declares a DOCTYPE: DTDs and entities are not accepted in edXML\n' });
    expect(await edxml('parse', join(work, 'missing.edxml'))).toMatchObject({ code: 1, stderr: expect.stringMatching(/^edxml: no such file: .*missing\.edxml\n$/) });
    expect(await edxml('frobnicate', 'x')).toMatchObject({ code: 1, stderr: expect.stringMatching(/^edxml: usage: /) });
  }, 30_000);
});
