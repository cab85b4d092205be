import type { Response } from 'supertest';

/** A superagent parser keeping a response's bytes (a material's PDF, the minutes) as a Buffer. */
export function binary(response: Response, done: (error: Error | null, body: Buffer) => void): void {
  const parts: Buffer[] = [];
  const stream = response as unknown as NodeJS.ReadableStream;
  stream.on('data', (part: Buffer) => parts.push(part));
  stream.on('end', () => done(null, Buffer.concat(parts)));
}
