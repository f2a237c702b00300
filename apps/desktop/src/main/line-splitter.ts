// Output of a child process as whole lines: a chunk may end in the middle of a line (or of a UTF-8
// character), so the rest waits for the next chunk, and flush() hands out what is left at the end.
import { StringDecoder } from 'node:string_decoder';

export class LineSplitter {
  private readonly decoder = new StringDecoder('utf8');
  private rest = '';
  private readonly onLine: (line: string) => void;

  constructor(onLine: (line: string) => void) {
    this.onLine = onLine;
  }

  push(chunk: Buffer | string): void {
    const text = this.rest + (typeof chunk === 'string' ? chunk : this.decoder.write(chunk));
    const lines = text.split(/\r?\n/);
    this.rest = lines.pop() ?? '';
    for (const line of lines) this.emit(line);
  }

  /** The stream ended (or the process exited): the unterminated last line counts too. */
  flush(): void {
    const last = this.rest + this.decoder.end();
    this.rest = '';
    this.emit(last);
  }

  private emit(line: string): void {
    if (line.trim() !== '') this.onLine(line.replace(/\r$/, ''));
  }
}
