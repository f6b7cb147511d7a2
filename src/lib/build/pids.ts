/**
 * Whether `pid` is a running process other than this one. Builds name their working folders and
 * their lock by pid; what a dead pid names was left by a build that was killed. This process's own
 * pid counts as dead: before this build makes anything, whatever carries its pid is a leftover of an
 * earlier process that had the same pid.
 */
export function runsElsewhere(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it runs, as another user.
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}
