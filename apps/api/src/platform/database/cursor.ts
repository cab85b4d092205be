/** Opaque keyset cursors: the last row's sort key, base64url so clients don't parse it. */
export function encodeCursor(key: string): string {
  return Buffer.from(key, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined): string | null {
  if (!cursor) return null;
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  return key.length > 0 && key.length <= 300 ? key : null;
}
