/**
 * The commands of `npm run edxml`, apart from the process: what they write goes to the given
 * output, a failure is thrown and described in one line by `describeFailure`.
 */
import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { EdxmlRefusedError, EdxmlValidationError } from '../model/problems';
import { readEdxml } from '../read/read-edxml';
import { writeDocumentMessageStream } from '../write/write-document-message';
import { writeStatusMessage } from '../write/write-status-message';
import { fromEdxmlJson, toEdxmlJson, type EdxmlBuildJson } from './edxml-json';

export const USAGE = 'usage: edxml parse FILE [--with-content] | edxml build JSONFILE [OUTFILE] [--as-received]';

export class UsageError extends Error {}

export async function runEdxmlCommand(args: string[], stdout: Writable): Promise<void> {
  const [command, file, ...rest] = args;
  if (!file || (command !== 'parse' && command !== 'build')) throw new UsageError(USAGE);
  if (command === 'parse') {
    const result = await readEdxml(createReadStream(file));
    try {
      const json = await toEdxmlJson(result, { withContent: rest.includes('--with-content') });
      stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    } finally {
      await result.dispose();
    }
    return;
  }
  const parsed = fromEdxmlJson(JSON.parse(readFileSync(file, 'utf8')) as EdxmlBuildJson, dirname(resolve(file)));
  const validation = rest.includes('--as-received') ? 'receive' : 'send';
  const outFile = rest.find((arg) => !arg.startsWith('--'));
  // validated (and refused) before the output file is created
  const status = parsed.kind === 'status' ? writeStatusMessage(parsed.message, { validation }) : undefined;
  const document = parsed.kind === 'document' ? writeDocumentMessageStream(parsed.message, { validation }) : undefined;
  const output = outFile ? createWriteStream(outFile) : stdout;
  // waits until the bytes are really written: the process exits right after
  await pipeline(status ? Readable.from([status]) : document!, output, { end: output !== stdout });
}

/** One clear line: what was refused and why. */
export function describeFailure(error: unknown): string {
  if (error instanceof EdxmlRefusedError) return `refused (${error.code}): ${error.message}`;
  if (error instanceof EdxmlValidationError) return error.message;
  if (error instanceof SyntaxError) return `not JSON: ${error.message}`;
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return `no such file: ${(error as NodeJS.ErrnoException).path}`;
  return (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' ');
}
