/**
 * Splits a stream of text chunks into lines (trainer protocol v1, docs/trainer-protocol.md: one JSON
 * value per line). A line may span many chunks (a request carries the whole data matrix, an answer every
 * checkpoint's W), so chunks are kept in a list and joined once per line: a line of L characters costs
 * O(L), not O(L²) as repeated concatenation and rescanning would.
 */
export class LineSplitter {
  private parts: string[] = [];

  /** Adds a chunk; returns the lines it completed, without their `\n` (and without a trailing `\r`). */
  push(chunk: string): string[] {
    const lines: string[] = [];
    let start = 0;
    for (let nl = chunk.indexOf('\n'); nl >= 0; nl = chunk.indexOf('\n', start)) {
      this.parts.push(chunk.slice(start, nl));
      lines.push(stripCr(this.parts.join('')));
      this.parts = [];
      start = nl + 1;
    }
    if (start < chunk.length) this.parts.push(chunk.slice(start));
    return lines;
  }

  /** The unterminated rest (the last line of a stream that does not end in `\n`), and a reset. */
  flush(): string | undefined {
    if (this.parts.length === 0) return undefined;
    const rest = stripCr(this.parts.join(''));
    this.parts = [];
    return rest;
  }
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
