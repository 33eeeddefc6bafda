/**
 * Reads a request body with a byte limit: a declared Content-Length over the limit is refused
 * before reading, and a streamed body is cut off as soon as it passes the limit, so an oversize
 * upload never sits in memory whole.
 */
export type LimitedBody = { ok: true; bytes: Uint8Array | null } | { ok: false; declared: boolean };

export async function readLimitedBody(request: Request, limit: number): Promise<LimitedBody> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (Number.isFinite(declared) && declared > limit) return { ok: false, declared: true };
  if (!request.body) return { ok: true, bytes: null };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      return { ok: false, declared: false };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}
