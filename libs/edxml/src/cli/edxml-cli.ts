/**
 * edXML on the command line.
 *   npm run edxml -- parse FILE [--with-content]   prints the message as JSON (attachments: name, type, size, SHA-256)
 *   npm run edxml -- build JSONFILE [OUTFILE] [--as-received]
 *                                                   writes the edXML message (to stdout without OUTFILE);
 *                                                   --as-received checks only what a receiver needs (to pass on
 *                                                   a received message whose fields exceed the nominal lengths)
 * A refused or invalid input prints one line to stderr and exits 1.
 */
import { describeFailure, runEdxmlCommand } from './edxml-commands';

runEdxmlCommand(process.argv.slice(2), process.stdout).then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`edxml: ${describeFailure(error)}\n`);
    process.exit(1);
  },
);
