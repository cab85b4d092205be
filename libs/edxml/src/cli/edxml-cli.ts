/**
 * edXML on the command line.
 *   npm run edxml -- parse FILE [--with-content]   prints the message as JSON (attachments: name, type, size, SHA-256)
 *   npm run edxml -- build JSONFILE [OUTFILE] [--as-received]
 *                                                   writes the edXML message (to stdout without OUTFILE);
 *                                                   --as-received checks only what a receiver needs (to pass on
 *                                                   a received message whose fields exceed the nominal lengths)
 * A refused or invalid input prints one line to stderr and exits 1.
 */
import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { EdxmlRefusedError, EdxmlValidationError } from '../model/problems';
import { readEdxml } from '../read/read-edxml';
import { writeDocumentMessageStream } from '../write/write-document-message';
import { writeStatusMessage } from '../write/write-status-message';
import { fromEdxmlJson, toEdxmlJson, type EdxmlBuildJson } from './edxml-json';

const USAGE = 'usage: edxml parse FILE [--with-content] | edxml build JSONFILE [OUTFILE] [--as-received]';

async function main(args: string[]): Promise<void> {
  const [command, file, ...rest] = args;
  if (!file || (command !== 'parse' && command !== 'build')) throw new UsageError(USAGE);
  if (command === 'parse') {
    const result = await readEdxml(createReadStream(file));
    try {
      const json = await toEdxmlJson(result, { withContent: rest.includes('--with-content') });
      process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
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
  const output = outFile ? createWriteStream(outFile) : process.stdout;
  if (status) {
    output.write(status);
    if (output !== process.stdout) output.end();
    return;
  }
  await pipeline(document!, output, { end: output !== process.stdout });
}

class UsageError extends Error {}

/** One clear line: what was refused and why. */
function describe(error: unknown): string {
  if (error instanceof EdxmlRefusedError) return `refused (${error.code}): ${error.message}`;
  if (error instanceof EdxmlValidationError) return error.message;
  if (error instanceof SyntaxError) return `not JSON: ${error.message}`;
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return `no such file: ${(error as NodeJS.ErrnoException).path}`;
  return error instanceof Error ? error.message : String(error);
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`edxml: ${describe(error).replace(/\s*\n\s*/g, ' ')}\n`);
    process.exit(1);
  },
);
