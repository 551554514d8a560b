/**
 * HeapScope's bytecode: a stack machine shaped like CPython's, so that every temporary
 * reference lives where CPython keeps it (on the frame's value stack) and every reference
 * operation happens at the instruction where CPython performs it.
 */
export const enum Op {
  Nop,
  PopTop,
  /** Push a second reference to the item `arg` deep (1 = top). */
  Copy,
  /** Swap the top with the item `arg` deep. */
  Swap,
  LoadConst,
  LoadFast,
  StoreFast,
  DeleteFast,
  LoadDeref,
  StoreDeref,
  DeleteDeref,
  /** Push the cell object itself (for closures). */
  LoadClosure,
  /** Class bodies: the name from the class namespace, else the enclosing cell. */
  LoadClassDeref,
  LoadName,
  StoreName,
  DeleteName,
  LoadGlobal,
  StoreGlobal,
  DeleteGlobal,
  LoadAttr,
  StoreAttr,
  DeleteAttr,
  /** Push (method, self) when the attribute is a plain method, else (NULL, bound). */
  LoadMethod,
  LoadSubscr,
  StoreSubscr,
  DeleteSubscr,
  BinaryOp,
  InplaceOp,
  UnaryOp,
  CompareOp,
  IsOp,
  ContainsOp,
  BuildList,
  BuildTuple,
  BuildSet,
  BuildMap,
  BuildSlice,
  BuildString,
  ListAppend,
  SetAdd,
  MapAdd,
  ListExtend,
  SetUpdate,
  DictUpdate,
  DictMerge,
  ListToTuple,
  /** The next Call's keyword names: a tuple of strings from the constants. */
  KwNames,
  /**
   * Call with `arg & 0xff` arguments: the stack is [NULL, callable, args...] or
   * [method, self, args...]; with CALL_PLAIN set it is [callable, args...].
   */
  Call,
  /** Call with a *args tuple and (if arg & 1) a **kwargs dict. */
  CallEx,
  /** arg: bit 1 defaults, 2 kw defaults, 4 annotations, 8 closure. */
  MakeFunction,
  ReturnValue,
  Jump,
  PopJumpIfFalse,
  PopJumpIfTrue,
  JumpIfFalseOrPop,
  JumpIfTrueOrPop,
  PopJumpIfNone,
  PopJumpIfNotNone,
  GetIter,
  /** Push the next item, or pop the iterator and jump to `arg` when exhausted. */
  ForIter,
  UnpackSequence,
  /** arg = before | (after << 8). */
  UnpackEx,
  /** arg: 0 reraise current, 1 raise exc, 2 raise exc from cause. */
  Raise,
  /** Re-raise the exception on top of the stack (end of a finally or an unmatched except). */
  Reraise,
  /** Push a handler block: on an exception, unwind to it and jump to `arg`. */
  SetupFinally,
  PopBlock,
  /** Leave an except handler: restore the exception being handled before. */
  PopExcept,
  /** TOS = exception, TOS1 = class or tuple: push whether it matches. */
  CheckExcMatch,
  /**
   * Enter a with block (SETUP_WITH): push __exit__ (bound), set up a handler block at
   * `arg` at that depth, then push the result of __enter__.
   */
  BeforeWith,
  /** In a with block's handler: call __exit__(type, value, tb); push its result. */
  WithExceptStart,
  ImportName,
  ImportFrom,
  ImportStar,
  YieldValue,
  GetYieldFromIter,
  /** Delegate to a sub-iterator (yield from): resume it with the sent value. */
  YieldFrom,
  LoadBuildClass,
  /** arg: conversion (0 none, 1 str, 2 repr, 3 ascii) | 4 when a format spec is on the stack. */
  FormatValue,
  LoadAssertionError,
  SetupAnnotations,
  /** Marks the start of a generator body: the first next() resumes here. */
  ReturnGenerator,
  /** The value of a yield expression, after resumption (sent value). */
  Resume,
  /** Delete the exception name bound by `except E as e` (without NameError if unbound). */
  DeleteFastIfBound,
  DeleteNameIfBound,
  /** Jump back in a loop: the eval breaker (3.12+ scheduled collections) runs here. */
  JumpBackward,
  /** Push the NULL that marks a plain (not method) call. */
  PushNull,
  /** Stop the run: a construct HeapScope does not simulate (arg: message constant). */
  Unsupported,
}

export const enum CallFlags {
  Defaults = 1,
  KwDefaults = 2,
  Annotations = 4,
  Closure = 8,
}

/** Call flag: no NULL/method slot under the callable (decorators, __exit__, comprehensions). */
export const CALL_PLAIN = 0x100;
