'use strict';
/**
 * Shared by the kernel (index.js, control.js) and the grading sandbox's launcher (sandbox.js). Required first thing, so
 * that START_PPID is the parent's pid from before the seconds of loading TypeScript (an orphan's ppid is already
 * its new parent's).
 */
const START_PPID = process.ppid;

/** Does process `pid` exist? (A zombie counts until reaped; a gone one answers ESRCH.) */
function exists(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code !== 'ESRCH';
  }
}

/**
 * Call `onGone` once when the process that started this one goes away (issue #24: a kernel must not outlive its
 * client): Linux re-parents an orphan (to init or a subreaper), so the parent pid changing from START_PPID, or that
 * process no longer existing, means it is gone; so does the death of JPY_PARENT_PID (the Jupyter client that launched
 * the kernel, when jupyter_client set it). `parent`: the pid to watch (a worker thread passes its main thread's
 * START_PPID). Polled every `everyMs` (an unref'd timer: it never keeps the process alive).
 */
function watchParent(onGone, everyMs = 1000, env = process.env, parent = START_PPID) {
  const client = Number(env.JPY_PARENT_PID) || 0;
  const timer = setInterval(() => {
    const gone = process.ppid !== parent || (parent > 1 && !exists(parent)) || (client > 1 && !exists(client));
    if (gone) {
      clearInterval(timer);
      onGone();
    }
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

module.exports = { watchParent, START_PPID };
