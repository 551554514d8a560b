#!/usr/bin/env python3
"""Record the expected stdout of HeapScope's own cases from real CPython.

Run by hand (never by tests):

    python3 scripts/record-cases.py [--dir test/python/cases] [--versions 3.10,3.11] [NAME ...]

For each NAME.py in the folder (or only the NAMEs given) and each version 3.10-3.13 it runs
the program as the main script under that CPython (pyenv's $PYENV_ROOT/versions/<full version>/bin/python3
NAME.py, from the case's folder) and writes NAME.expected.<version> with
its exact stdout. A case is refused -- a warning is printed, nothing is written for that
version, and a stale expectation file is removed -- when the program
  * exits with a non-zero status or takes longer than the time limit,
  * prints nothing on stdout,
  * prints something different on a second run (run with another PYTHONHASHSEED),
  * prints something during interpreter shutdown (checked with a third run whose
    sitecustomize registers an atexit hook that prints a marker: atexit runs before
    the module's globals are torn down, so anything after the marker was printed at
    shutdown).
3.14 is not installed here, so no .expected.3.14 files are written.
"""
import argparse
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEFAULT_DIR = os.path.join(ROOT, 'test', 'python', 'cases')
VERSIONS = {'3.10': '3.10.13', '3.11': '3.11.7', '3.12': '3.12.1', '3.13': '3.13.0'}
MARKER = '@@HEAPSCOPE-RECORD-ATEXIT-MARKER@@'
TIMEOUT = 10


def python_for(full_version):
    """The interpreter of one pyenv version. Called by absolute path: under `pyenv exec`
    (as when this script itself runs through the pyenv shim) PATH already starts with the
    running version's bin directory, and a plain `python3` would ignore PYENV_VERSION."""
    pyenv_root = os.environ.get('PYENV_ROOT') or os.path.expanduser('~/.pyenv')
    exe = os.path.join(pyenv_root, 'versions', full_version, 'bin', 'python3')
    if not os.path.exists(exe):
        sys.exit('CPython %s not found at %s' % (full_version, exe))
    return exe


def run(path, full_version, hash_seed, extra_path=None):
    env = dict(os.environ)
    env['PYENV_VERSION'] = full_version
    env['PYTHONHASHSEED'] = str(hash_seed)
    env.pop('PYTHONPATH', None)
    env.pop('PYTHONSTARTUP', None)
    env['PYTHONIOENCODING'] = 'utf-8'
    if extra_path:
        env['PYTHONPATH'] = extra_path
    proc = subprocess.run(
        [python_for(full_version), os.path.basename(path)],
        cwd=os.path.dirname(path),
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        timeout=TIMEOUT,
    )
    return proc.returncode, proc.stdout.decode('utf-8'), proc.stderr.decode('utf-8', 'replace')


def check_header(path):
    with open(path, encoding='utf-8') as f:
        lines = f.read().splitlines()
    problems = []
    if len(lines) < 2 or not lines[0].startswith('# category: ') or not lines[1].startswith('# what: '):
        problems.append('does not start with "# category:" and "# what:" lines')
    if len(lines) > 40:
        problems.append('has %d lines (keep cases under 40)' % len(lines))
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--dir', default=DEFAULT_DIR)
    parser.add_argument('--versions', default=','.join(VERSIONS))
    parser.add_argument('names', nargs='*')
    args = parser.parse_args()
    folder = os.path.abspath(args.dir)
    versions = [v.strip() for v in args.versions.split(',') if v.strip()]
    for v in versions:
        if v not in VERSIONS:
            sys.exit('unknown version %s (choose from %s)' % (v, ', '.join(VERSIONS)))
    names = args.names or sorted(f[:-3] for f in os.listdir(folder) if f.endswith('.py'))
    names = [n[:-3] if n.endswith('.py') else os.path.basename(n) for n in names]

    marker_dir = tempfile.mkdtemp(prefix='heapscope-record-')
    with open(os.path.join(marker_dir, 'sitecustomize.py'), 'w') as f:
        f.write('import atexit, sys\n'
                'def _heapscope_marker():\n'
                '    sys.stdout.write(%r + "\\n")\n'
                '    sys.stdout.flush()\n'
                'atexit.register(_heapscope_marker)\n' % MARKER)

    written = refused = 0
    for name in names:
        path = os.path.join(folder, name + '.py')
        if not os.path.exists(path):
            print('WARNING %s: no such case' % name)
            refused += 1
            continue
        for problem in check_header(path):
            print('WARNING %s: %s' % (name, problem))
        for v in versions:
            full = VERSIONS[v]
            out_file = os.path.join(folder, '%s.expected.%s' % (name, v))
            reason = None
            try:
                rc, out, err = run(path, full, 0)
                if rc != 0:
                    last = err.strip().splitlines()[-1:] or ['']
                    reason = 'exit status %d (%s)' % (rc, last[0])
                elif out == '':
                    reason = 'prints nothing'
                else:
                    rc2, out2, _ = run(path, full, 12345)
                    if rc2 != 0 or out2 != out:
                        reason = 'output differs between two runs'
                    else:
                        rc3, out3, _ = run(path, full, 0, marker_dir)
                        if MARKER + '\n' not in out3:
                            reason = 'atexit marker missing (status %d)' % rc3
                        else:
                            after = out3.split(MARKER + '\n', 1)[1]
                            if after:
                                reason = 'prints at interpreter shutdown: %r' % after.splitlines()[0]
            except subprocess.TimeoutExpired:
                reason = 'timed out after %d s' % TIMEOUT
            if reason:
                print('WARNING %s %s: refused: %s' % (name, v, reason))
                refused += 1
                if os.path.exists(out_file):
                    os.remove(out_file)
                continue
            with open(out_file, 'w', encoding='utf-8', newline='') as f:
                f.write(out)
            written += 1
    print('%d expectation files written, %d refused' % (written, refused))
    return 1 if refused else 0


if __name__ == '__main__':
    sys.exit(main())
