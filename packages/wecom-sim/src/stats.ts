// Request accounting for tests and benchmarks: calls per path, errcodes answered, and the highest
// number of requests in flight (overall and per path).
import type { SimStats } from './types.ts';

export class StatsRecorder implements SimStats {
  private totalCalls = 0;
  private readonly callsByPath = new Map<string, number>();
  private totalErrors = 0;
  private readonly errorsByCode = new Map<number, number>();
  private inFlightTotal = 0;
  private readonly inFlightByPath = new Map<string, number>();
  private maxTotal = 0;
  private readonly maxByPath = new Map<string, number>();

  /** A request arrived; returns the path's in-flight count including it. */
  begin(path: string): number {
    this.totalCalls++;
    this.callsByPath.set(path, (this.callsByPath.get(path) ?? 0) + 1);
    this.inFlightTotal++;
    const inFlight = (this.inFlightByPath.get(path) ?? 0) + 1;
    this.inFlightByPath.set(path, inFlight);
    if (this.inFlightTotal > this.maxTotal) this.maxTotal = this.inFlightTotal;
    if (inFlight > (this.maxByPath.get(path) ?? 0)) this.maxByPath.set(path, inFlight);
    return inFlight;
  }

  end(path: string): void {
    this.inFlightTotal--;
    this.inFlightByPath.set(path, (this.inFlightByPath.get(path) ?? 1) - 1);
  }

  inFlight(path: string): number {
    return this.inFlightByPath.get(path) ?? 0;
  }

  recordErrcode(errcode: number): void {
    if (errcode === 0) return;
    this.totalErrors++;
    this.errorsByCode.set(errcode, (this.errorsByCode.get(errcode) ?? 0) + 1);
  }

  calls(path?: string): number {
    return path === undefined ? this.totalCalls : (this.callsByPath.get(path) ?? 0);
  }

  errors(errcode?: number): number {
    return errcode === undefined ? this.totalErrors : (this.errorsByCode.get(errcode) ?? 0);
  }

  maxConcurrent(path?: string): number {
    return path === undefined ? this.maxTotal : (this.maxByPath.get(path) ?? 0);
  }

  reset(): void {
    this.totalCalls = 0;
    this.callsByPath.clear();
    this.totalErrors = 0;
    this.errorsByCode.clear();
    // Requests still in flight keep counting toward the new maximum.
    this.maxTotal = this.inFlightTotal;
    this.maxByPath.clear();
    for (const [path, n] of this.inFlightByPath) if (n > 0) this.maxByPath.set(path, n);
  }
}
