// Turns file bytes into analysable text, or says clearly why not (binary, not UTF-8, too large).
// No I/O: the caller reads the bytes.

export type DecodedSource =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly reason: 'binary' | 'not-utf8' | 'too-large'; readonly message: string };

export function decodeSource(bytes: Uint8Array, maxBytes: number): DecodedSource {
  if (bytes.byteLength > maxBytes) {
    const megabytes = (size: number): string => (size / 1024 / 1024).toFixed(1);
    return {
      ok: false,
      reason: 'too-large',
      message: `File is ${megabytes(bytes.byteLength)} MB, over the ${megabytes(maxBytes)} MB limit: not analysed (raise maxFileSizeMb in sqlsight.json to analyse it)`,
    };
  }
  // A NUL byte in the first 8 KB is the usual sign of a binary file.
  if (bytes.subarray(0, 8192).includes(0)) {
    return { ok: false, reason: 'binary', message: 'Not a text file (it holds binary data): not analysed' };
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, reason: 'not-utf8', message: 'Not a text file (it is not valid UTF-8): not analysed' };
  }
}
