import assert from 'node:assert/strict';
import { simulate } from '../../../src/python/simulate';

/**
 * What the math module does not simulate stops the run at its line with a clear message
 * (the exact functions are checked against CPython by the case lib_math_exact).
 */
describe('math module', () => {
  it('stops at a function whose last digit comes from the C library, after what ran before', () => {
    const result = simulate('import math\nprint(math.sqrt(2))\nprint(math.log(10))\n', { version: '3.12' });
    assert.equal(result.stdout, '1.4142135623730951\n');
    assert.equal(result.status.kind, 'unsupported');
    assert.equal(result.status.kind === 'unsupported' && result.status.line, 3);
    assert.match(result.status.kind === 'unsupported' ? result.status.message : '', /^math\.log\(\) is not simulated/);
  });

  it('has the functions of each version: exp2 and cbrt from 3.11, sumprod from 3.12', () => {
    const program = "import math\nprint(hasattr(math, 'exp2'), hasattr(math, 'cbrt'), hasattr(math, 'sumprod'))\n";
    assert.equal(simulate(program, { version: '3.10' }).stdout, 'False False False\n');
    assert.equal(simulate(program, { version: '3.11' }).stdout, 'True True False\n');
    assert.equal(simulate(program, { version: '3.12' }).stdout, 'True True True\n');
  });
});
