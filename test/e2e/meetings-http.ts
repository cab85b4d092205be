import type { Response } from 'superagent';

/** A superagent parser keeping a response's bytes (a material's PDF, the minutes) as a Buffer. */
export const binary = (response: Response & NodeJS.ReadableStream, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => done(null, Buffer.concat(chunks)));
};
