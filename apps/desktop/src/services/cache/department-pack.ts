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

/**
 * Typed views of a blob's rows (the platform is little-endian). Over the blob itself where its bytes
 * are 8-byte aligned, as SQLite's blobs come: a copy of each of a big corp's 2,000 lives' sums (~60
 * KB apiece) was garbage, collected during the statistics read ahead's slices.
 * Writable: the reader may turn the department ids into its own numbers in place.
 */
export function unpackDepartments(blob: Uint8Array): PackedDepartments {
  const n = blob.byteLength / ROW_BYTES;
  let bytes = blob;
  if (blob.byteOffset % 8 !== 0) {
    bytes = new Uint8Array(blob.byteLength);
    bytes.set(blob);
  }
  const at = bytes.byteOffset;
  return {
    completion: new Float64Array(bytes.buffer, at, n),
    seconds: new Float64Array(bytes.buffer, at + 8 * n, n),
    departments: new Int32Array(bytes.buffer, at + 16 * n, n),
    viewers: new Int32Array(bytes.buffer, at + 20 * n, n),
  };
}
