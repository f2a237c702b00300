// Reading an imported learner list: the encodings Excel saves, and the files that cannot be a list
// of learners, refused with the reason before anything is asked of the services.
import { describe, expect, it } from 'vitest';
import { MAX_REQUIRED_USERIDS } from '../../../shared/training.ts';
import { gb18030Bytes } from '../../test-support/gb18030.ts';
import { ImportRefused, MAX_LIST_BYTES, readLearnerList, type ImportRefusal } from './importList.ts';

const file = (parts: BlobPart[], name: string) => new File(parts, name);

async function refusal(list: File): Promise<ImportRefusal> {
  const error = await readLearnerList(list).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ImportRefused);
  return (error as ImportRefused).refusal;
}

describe('readLearnerList', () => {
  it('reads a UTF-8 CSV with a BOM, skipping its heading and blank rows', async () => {
    expect(await readLearnerList(file(['\uFEFF姓名\n张三\n\nlisi,研发部\n'], '名单.csv'))).toEqual(['张三', 'lisi']);
  });

  it('reads a CSV that Excel saved in GB18030 (GBK) as the names it holds', async () => {
    const bytes = gb18030Bytes('姓名\r\n张三\r\n欧阳娜娜\r\nwangwu\r\n');
    expect(new TextDecoder('utf-8').decode(bytes)).not.toContain('张三');
    expect(await readLearnerList(file([bytes], '名单.csv'))).toEqual(['张三', '欧阳娜娜', 'wangwu']);
  });

  it('refuses a file of another kind, by its name', async () => {
    expect(await refusal(file(['x'], '名单.xls'))).toEqual({ reason: 'type', name: '名单.xls' });
    expect(await refusal(file(['x'], 'list.pdf'))).toEqual({ reason: 'type', name: 'list.pdf' });
  });

  it('refuses a file larger than a list of learners can be, without reading it', async () => {
    const big = file([new Uint8Array(MAX_LIST_BYTES + 1)], 'big.csv');
    expect(await refusal(big)).toEqual({ reason: 'size', bytes: MAX_LIST_BYTES + 1 });
  });

  it('refuses more people than can be required, and takes exactly that many', async () => {
    const names = (n: number) => Array.from({ length: n }, (_, i) => `u${i}`).join('\n');
    expect(await readLearnerList(file([names(MAX_REQUIRED_USERIDS)], 'all.csv'))).toHaveLength(MAX_REQUIRED_USERIDS);
    expect(await refusal(file([names(MAX_REQUIRED_USERIDS + 1)], 'all.csv'))).toEqual({ reason: 'rows', count: MAX_REQUIRED_USERIDS + 1, max: MAX_REQUIRED_USERIDS });
  });

  it('refuses a first column that holds text, not ids or names, naming its row as a spreadsheet counts it', async () => {
    const note = 'x'.repeat(201);
    expect(await refusal(file([`账号\nzhangsan\n"${note}"\n`], 'list.csv'))).toEqual({ reason: 'cell', row: 3, chars: 201 });
    // blank lines count as the file's lines
    expect(await refusal(file([`账号\n\nzhangsan\n\n"${note}"\n`], 'list.csv'))).toEqual({ reason: 'cell', row: 5, chars: 201 });
  });
});
