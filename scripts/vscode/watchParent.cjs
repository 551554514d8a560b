// Preloaded (`node --require`) into code-server and, through fork()'s inherited execArgv,
// into its children. If the process that started the server dies without stopping it (say it
// was SIGKILLed), this ends the server's whole process group within a second, so no stray
// servers outlive a test run. HEAPSCOPE_PARENT_PID names the process to outlive no longer.
'use strict';
const parentPid = Number(process.env.HEAPSCOPE_PARENT_PID);
if (parentPid > 0) {
  const timer = setInterval(() => {
    try {
      process.kill(parentPid, 0);
    } catch (error) {
      if (error.code !== 'ESRCH') return;
      // pid 0: every process in our own group (code-server runs as a group of its own).
      try { process.kill(0, 'SIGKILL'); } catch { process.exit(1); }
    }
  }, 1000);
  timer.unref();
}
