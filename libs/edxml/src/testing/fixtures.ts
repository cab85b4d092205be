import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The shared sample messages: `../shared/fixtures/edxml` beside the repository (and its `more/`). */
export const FIXTURES_DIR = resolve(__dirname, '../../../../../shared/fixtures/edxml');

export interface Fixture {
  name: string;
  path: string;
}

export function allFixtures(): Fixture[] {
  return [FIXTURES_DIR, join(FIXTURES_DIR, 'more')].flatMap((dir) =>
    readdirSync(dir)
      .filter((name) => name.endsWith('.edxml'))
      .sort()
      .map((name) => ({ name, path: join(dir, name) })),
  );
}

export const fixture = (name: string) => {
  const found = allFixtures().find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no fixture ${name}`);
  return found.path;
};
