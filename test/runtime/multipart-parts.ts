/** One part of a multipart/form-data body as it went on the wire: its header lines and body text. */
export interface Part {
  headers: string[];
  body: string;
}

/** Splits a multipart body (RFC 7578) into its parts, given the Content-Type header with the boundary. */
export function splitParts(contentType: string, text: string): Part[] {
  const boundary = /boundary=("?)([^";]+)\1/.exec(contentType)?.[2];
  if (!boundary) throw new Error(`no boundary in ${contentType}`);
  const chunks = text.split(`--${boundary}`);
  if (chunks.at(-1)!.trim() != '--') throw new Error('the body does not end with the closing boundary');
  return chunks.slice(1, -1).map((chunk) => {
    if (!chunk.startsWith('\r\n') || !chunk.endsWith('\r\n')) throw new Error(`a part not framed by CRLF: ${JSON.stringify(chunk)}`);
    const inner = chunk.slice(2, -2);
    const split = inner.indexOf('\r\n\r\n');
    return { headers: inner.slice(0, split).split('\r\n'), body: inner.slice(split + 4) };
  });
}

/** The real bytes `fetch` would send for a FormData, split into parts. */
export async function partsOf(form: FormData): Promise<Part[]> {
  const response = new Response(form);
  return splitParts(response.headers.get('content-type')!, await response.text());
}
