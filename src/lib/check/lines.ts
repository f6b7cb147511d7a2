/**
 * Splits decoded text into lines as it comes (`\n`, with a `\r` before it dropped), keeping at most
 * `maxLength` characters of a line: the rest of a longer line is counted, not kept, so one endless
 * line costs no more memory than a long one.
 */
export class LineSplitter {
  #buffer = "";
  #length = 0;
  #number = 0;
  constructor(private readonly maxLength: number, private readonly onLine: (number: number, text: string, length: number) => void) {}

  push(text: string): void {
    let from = 0;
    for (;;) {
      const nl = text.indexOf("\n", from);
      const piece = nl < 0 ? text.slice(from) : text.slice(from, nl);
      this.#length += piece.length;
      if (this.#buffer.length < this.maxLength) this.#buffer += piece.slice(0, this.maxLength - this.#buffer.length);
      if (nl < 0) return;
      this.#emit();
      from = nl + 1;
    }
  }

  #emit(): void {
    let text = this.#buffer;
    let length = this.#length;
    if (text.endsWith("\r") && length <= this.maxLength) {
      text = text.slice(0, -1);
      length--;
    }
    this.onLine(++this.#number, text, length);
    this.#buffer = "";
    this.#length = 0;
  }

  /** Ends the last line (a file need not end in a line break). */
  end(): void {
    if (this.#length > 0) this.#emit();
  }

  get lines(): number {
    return this.#number;
  }
}
