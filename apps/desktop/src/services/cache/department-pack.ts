// A live's per-department sums packed into one blob (live_summary.departments), written with its
// summaries: a reader holding every live's sums in memory reads one row per live instead of
// thousands. Little-endian, ascending by department: completion sums and watch seconds (float64),
// then department ids and viewers (int32).
import type { DepartmentSummary } from './live-summaries.ts';

export interface PackedDepartments {
  departments: Int32Array;
  viewers: Int32Array;
  seconds: Float64Array;
  completion: Float64Array;
}

const ROW_BYTES = 8 + 8 + 4 + 4;

export function packDepartments(rows: readonly DepartmentSummary[]): Buffer {
  const sorted = [...rows].sort((a, b) => a.departmentId - b.departmentId);
  const n = sorted.length;
  const buffer = Buffer.alloc(n * ROW_BYTES);
  sorted.forEach((r, i) => {
    buffer.writeDoubleLE(r.completion, i * 8);
    buffer.writeDoubleLE(r.seconds, (n + i) * 8);
    buffer.writeInt32LE(r.departmentId, 16 * n + i * 4);
    buffer.writeInt32LE(r.viewers, 20 * n + i * 4);
  });
  return buffer;
}

export function unpackDepartments(blob: Uint8Array): PackedDepartments {
  const n = blob.byteLength / ROW_BYTES;
  // a copy: the blob's bytes need not be aligned for the typed views (and the platform is little-endian)
  const bytes = new Uint8Array(blob.byteLength);
  bytes.set(blob);
  return {
    completion: new Float64Array(bytes.buffer, 0, n),
    seconds: new Float64Array(bytes.buffer, 8 * n, n),
    departments: new Int32Array(bytes.buffer, 16 * n, n),
    viewers: new Int32Array(bytes.buffer, 20 * n, n),
  };
}
