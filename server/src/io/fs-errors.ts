// File-system errors in words a user can act on ("permission denied (EACCES)"). Pure formatting;
// the caller adds the path, so no message here names a file twice or leaks an absolute path.

export function fsErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

const causes: Readonly<Record<string, string>> = {
  ENOENT: 'not found',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'a part of the path is not a folder',
  ELOOP: 'too many symbolic links',
  EMFILE: 'too many open files',
  ENAMETOOLONG: 'the name is too long',
  EIO: 'input/output error',
};

/** The cause in words, then the code for searching. */
export function describeFsError(error: unknown): string {
  const code = fsErrorCode(error);
  const cause = code === undefined ? undefined : causes[code];
  if (code !== undefined && cause !== undefined) return `${cause} (${code})`;
  return error instanceof Error ? error.message : String(error);
}
