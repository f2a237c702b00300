import { describe, expect, it } from 'vitest';
import { blockingFindings, parseFindings } from '../../scripts/electronegativity.ts';

// The CSV as Electronegativity writes it (header with spaces, quoted fields, quotes doubled).
const csv = [
  'issue, severity, confidence, filename, location, sample, description, url',
  'CONTEXT_ISOLATION_JS_CHECK,"HIGH","FIRM","main/index.js","1721:16","new BrowserWindow({ a: ""b, c"" })","Review the use of the contextIsolation option",https://github.com/doyensec/electronegativity/wiki/CONTEXT_ISOLATION_JS_CHECK',
  'OPEN_EXTERNAL_JS_CHECK,"MEDIUM","TENTATIVE","main/index.js","1246:9","shell.openExternal(url)","Review the use of openExternal",https://github.com/doyensec/electronegativity/wiki/OPEN_EXTERNAL_JS_CHECK',
  'NODE_INTEGRATION_JS_CHECK,"HIGH","FIRM","renderer/assets/x.js","3:1",N/A,"Disable nodeIntegration",https://github.com/doyensec/electronegativity/wiki/NODE_INTEGRATION_JS_CHECK',
  '',
].join('\n');

describe('electronegativity report', () => {
  it('parses the CSV, quotes and commas included', () => {
    const findings = parseFindings(csv);
    expect(findings).toHaveLength(3);
    expect(findings[0]).toMatchObject({
      issue: 'CONTEXT_ISOLATION_JS_CHECK',
      severity: 'HIGH',
      filename: 'main/index.js',
      location: '1721:16',
      sample: 'new BrowserWindow({ a: "b, c" })',
    });
  });

  it('blocks on HIGH findings unless an allow-list entry covers the check (and file)', () => {
    const findings = parseFindings(csv);
    expect(blockingFindings(findings, []).map((f) => f.issue)).toEqual([
      'CONTEXT_ISOLATION_JS_CHECK',
      'NODE_INTEGRATION_JS_CHECK',
    ]);
    const allowMainOnly = [{ check: 'NODE_INTEGRATION_JS_CHECK', file: /^main\//, reason: 'test' }];
    expect(blockingFindings(findings, allowMainOnly).map((f) => f.issue)).toEqual([
      'CONTEXT_ISOLATION_JS_CHECK',
      'NODE_INTEGRATION_JS_CHECK',
    ]);
    const allowAnywhere = [{ check: 'NODE_INTEGRATION_JS_CHECK', reason: 'test' }];
    expect(blockingFindings(findings, allowAnywhere).map((f) => f.issue)).toEqual([
      'CONTEXT_ISOLATION_JS_CHECK',
    ]);
  });
});
