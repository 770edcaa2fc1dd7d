'use strict';
/** Shared by the kernel (index.js) and the grading sandbox's launcher (sandbox.js). */

/**
 * Call `onGone` once when the process that started this one goes away (issue #24: a kernel must not outlive its
 * client). Linux re-parents an orphan (to init or a subreaper), so the parent pid changing, or the parent no longer
 * existing, means it is gone. Polled every `everyMs` (an unref'd timer: it never keeps the process alive).
 */
function watchParent(onGone, everyMs = 1000) {
  const parent = process.ppid;
  const timer = setInterval(() => {
    let gone = process.ppid !== parent;
    if (!gone && parent > 1) {
      try {
        process.kill(parent, 0);
      } catch (e) {
        gone = e.code === 'ESRCH';
      }
    }
    if (gone) {
      clearInterval(timer);
      onGone();
    }
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

module.exports = { watchParent };
