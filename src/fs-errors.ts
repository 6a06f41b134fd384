/** Whether a file-system call failed because the path does not exist, rather than for want of permission or space. */
export function isNotFound(err: unknown): boolean {
  return typeof err === 'object' && err !== null && 'code' in err && err.code === 'ENOENT';
}
