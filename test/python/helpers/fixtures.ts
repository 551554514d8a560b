/** Reading the recorded fixtures under test/python/fixtures/ (see scripts/record-python-fixtures.py). */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The fixtures folder, found from the repository root (mocha runs there) or this bundle. */
export const FIXTURES = [resolve('test/python/fixtures'), resolve(__dirname, '../../../test/python/fixtures')].find((dir) =>
  existsSync(dir),
)!;

export function readFixture(...parts: string[]): string {
  return readFileSync(join(FIXTURES, ...parts), 'utf8');
}

export function listFixtures(folder: string, suffix: string): string[] {
  return readdirSync(join(FIXTURES, folder))
    .filter((name) => name.endsWith(suffix))
    .sort();
}

export function readJsonFixture<T>(...parts: string[]): T {
  return JSON.parse(readFixture(...parts)) as T;
}

/** The sections of a `.cases` file: `### name` lines followed by the case's source. */
export function readCases(file: string): Map<string, string> {
  const cases = new Map<string, string>();
  let name: string | undefined;
  for (const line of readFixture(file).split(/(?<=\n)/)) {
    if (line.startsWith('### ')) {
      name = line.slice(4).trim();
      cases.set(name, '');
    } else if (name !== undefined) {
      cases.set(name, cases.get(name)! + line);
    }
  }
  return cases;
}
