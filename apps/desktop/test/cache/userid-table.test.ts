// The typed-array table the watch ingest looks each viewer's home department up in: it must answer
// as a Map would, for ids it holds, ids it was told are null and ids it never saw, also after it grew.
import { describe, expect, it } from 'vitest';
import { UseridTable } from '../../src/services/cache/userid-table.ts';

describe('userid table', () => {
  it('answers as a Map does, through growth, overwrites and nulls', () => {
    const table = new UseridTable(4);
    const truth = new Map<string, number | null>();
    const ids = ['zhangsan', 'ZhangSan', 'zhang.san', '张三', 'q"u\\o\u2028te', '', 'a', 'b', 'ab', 'ba'];
    for (let i = 0; i < 5000; i++) ids.push(`user${i}`, `wm${i.toString(36)}`);
    ids.forEach((id, i) => {
      const value = i % 7 === 0 ? null : i * 3;
      table.set(id, value);
      truth.set(id, value);
    });
    // overwritten: the later value wins, the count does not grow
    table.set('zhangsan', 42);
    truth.set('zhangsan', 42);
    table.set('user7', null);
    truth.set('user7', null);
    expect(table.size).toBe(truth.size);
    for (const [id, value] of truth) expect(table.get(id)).toBe(value);
    for (const missing of ['nobody', 'user5000', 'zhangsan ', 'Zhangsan', 'wm']) expect(table.get(missing)).toBeUndefined();
  });
});
