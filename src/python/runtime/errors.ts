import type { PyObject } from '../objects/base';

/**
 * A Python exception travelling through TypeScript code. The exception object itself is
 * held by the runtime's "exception being raised" root while it travels.
 */
export class PythonError extends Error {
  /** Raised again by RERAISE: the current frame is already in its traceback. */
  reraised = false;
  constructor(readonly exception: PyObject) {
    super('Python exception');
  }
}

/** Why a simulation stopped before the program's end. */
export type StopReason = 'unsupported' | 'budget' | 'limit' | 'probe';

/**
 * Ends the simulation: a construct HeapScope does not simulate, the step budget, or a
 * resource limit. Not catchable by the program.
 */
export class SimulationStop extends Error {
  constructor(
    readonly reason: StopReason,
    message: string,
    readonly line: number,
    readonly column = 0,
  ) {
    super(message);
  }
}
