/**
 * edXML throughput: reading and writing a document message with a 1 MB and a 50 MB attachment
 * (random bytes, so zipping gains nothing and the base64 is all there is). Reading includes the
 * streamed base64 decoding, spooling, SHA-256 and unpacking the zip; writing includes zipping and
 * encoding. Prints messages/s and MB/s of edXML; asserts nothing.
 *   npm run bench -- edxml
 */
import { randomBytes } from 'node:crypto';
import { readEdxml, writeDocumentMessage } from '../../libs/edxml/src';
import { sampleDocument } from '../../libs/edxml/src/testing/messages';

const MB = 1024 * 1024;

async function measure(label: string, rounds: number, bytesPerRound: number, work: () => Promise<unknown>) {
  await work(); // warm-up
  const started = process.hrtime.bigint();
  for (let round = 0; round < rounds; round += 1) await work();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const perSecond = rounds / seconds;
  console.log(`${label.padEnd(28)} ${perSecond.toFixed(2).padStart(8)} messages/s ${((bytesPerRound * perSecond) / MB).toFixed(1).padStart(8)} MB/s   (${rounds} rounds, ${(seconds / rounds * 1000).toFixed(0)} ms each)`);
}

async function main() {
  for (const [size, rounds] of [
    [1 * MB, 40],
    [50 * MB, 3],
  ] as const) {
    const content = randomBytes(size);
    const message = sampleDocument([{ attachmentName: 'van-ban.pdf', contentType: 'application/pdf', content }]);
    const xml = await writeDocumentMessage(message);
    const name = `${size / MB} MB attachment`;
    console.log(`\n${name}: the edXML message is ${(xml.length / MB).toFixed(1)} MB`);
    await measure(`build (${size / MB} MB)`, rounds, xml.length, () => writeDocumentMessage(message));
    await measure(`parse (${size / MB} MB)`, rounds, xml.length, async () => {
      const result = await readEdxml(xml);
      await result.dispose();
    });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
