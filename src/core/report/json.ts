/**
 * `--format json`: the report as documented by `check-report.schema.json` (schemaVersion 1).
 * Stable: fields are only ever added in a new schema version. The per-segment list is left out
 * (it is the JUnit format's business and would dwarf the findings); counts are in `summary`.
 */
import type { CheckReport } from './check-report.js';

// JSON.stringify escapes C0 controls but not C1 controls or bidi overrides; escaping them too
// keeps the data intact and the terminal safe when the report is printed.
const UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_ONE = new RegExp(UNSAFE.source);

export function formatJson(report: CheckReport): string {
  const { segments: _segments, ...rest } = report;
  const json = JSON.stringify(rest, null, 2);
  // Tested first: a report is often large and rarely has any such character.
  const text = UNSAFE_ONE.test(json) ? json.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : json;
  return `${text}\n`;
}
