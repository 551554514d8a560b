import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** The real CPython the benchmarks compare with: pyenv's 3.12 when there, else python3. */
export function cpython(): { command: string; env: NodeJS.ProcessEnv; version: string } | null {
  const candidates: { command: string; env: NodeJS.ProcessEnv }[] = [];
  const pyenvRoot = process.env.PYENV_ROOT ?? `${process.env.HOME}/.pyenv`;
  if (existsSync(`${pyenvRoot}/versions/3.12.1/bin/python3`)) candidates.push({ command: `${pyenvRoot}/versions/3.12.1/bin/python3`, env: process.env });
  candidates.push({ command: 'python3', env: process.env });
  for (const c of candidates) {
    try {
      const version = execFileSync(c.command, ['-c', 'import sys; print(sys.version.split()[0])'], { env: c.env, encoding: 'utf8' }).trim();
      return { ...c, version };
    } catch {
      // try the next one
    }
  }
  return null;
}

/** Runs a Python program that prints one number per line (milliseconds); returns them. */
export function timePython(python: NonNullable<ReturnType<typeof cpython>>, program: string): number[] {
  const out = execFileSync(python.command, ['-c', program], { env: python.env, encoding: 'utf8', maxBuffer: 1 << 24 });
  return out.trim().split('\n').map(Number);
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export function table(rows: readonly (readonly (string | number)[])[]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  return rows.map((r) => r.map((c, i) => String(c).padEnd(widths[i])).join('  ')).join('\n');
}
