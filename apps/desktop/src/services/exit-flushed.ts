// Ends the services process once what it printed has been handed to the OS and the messages it
// posted to main have left: process.exit() right away can drop the last log lines.
export function exitWhenFlushed(code: number): void {
  process.exitCode = code;
  let pending = 2;
  const done = () => {
    pending -= 1;
    // One more turn for parentPort messages posted just before.
    if (pending === 0) setImmediate(() => process.exit(code));
  };
  process.stdout.write('', done);
  process.stderr.write('', done);
}
