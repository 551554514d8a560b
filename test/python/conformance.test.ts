import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { PYTHON_VERSIONS } from '../../src/protocol';
import { simulate } from '../../src/python/simulate';

/**
 * Every case of a folder on every version: stdout must match CPython's byte for byte, and
 * the heap must be consistent when the program ends (counts equal references, nothing
 * left alive without a reference, no value left in transit).
 */
export function runCaseFolder(folder: string, title: string): void {
  const cases = readdirSync(folder)
    .filter((f) => f.endsWith('.py'))
    .sort();
  describe(title, function () {
    this.timeout(60000);
    for (const version of PYTHON_VERSIONS) {
      describe(`CPython ${version}`, () => {
        for (const file of cases) {
          const name = file.slice(0, -3);
          const expectedFile = join(folder, `${name}.expected.${version}`);
          if (!existsSync(expectedFile)) continue;
          it(name, () => {
            const source = readFileSync(join(folder, file), 'utf8');
            const result = simulate(source, { version, fileName: file, checkInvariants: true });
            const expected = readFileSync(expectedFile, 'utf8');
            assert.equal(result.stdout, expected, `stdout differs (status ${JSON.stringify(result.status)})\n${result.stderr}`);
            assert.deepEqual(result.invariantViolations, [], 'heap invariants');
          });
        }
      });
    }
  });
}

runCaseFolder(join(__dirname, '../../../test/python/conformance'), 'conformance cases (shared set)');
