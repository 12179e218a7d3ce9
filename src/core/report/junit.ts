/**
 * `--format junit`: JUnit XML as CI servers read it (the Apache Ant schema, the strictest one in
 * use): one `<testsuite>` per article and language, one `<testcase>` per segment, failing when
 * the segment has a finding in the `--fail-on` gates. A test case can hold one `<failure>`, so
 * several findings become one failure whose text lists them all.
 */
import type { CheckReport, ReportFinding, SegmentOutcome } from './check-report.js';
import { findingLine } from './text.js';

/** Characters XML 1.0 cannot carry at all, even escaped (controls, lone surrogates, U+FFFE/F). */
const NOT_XML = /[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

export function xmlEscape(text: string): string {
  return text
    .replace(NOT_XML, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** xs:token collapses whitespace; give it text that already is a token. */
function token(text: string): string {
  return xmlEscape(text.replace(/\s+/g, ' ').trim() || '-');
}

export interface JunitOptions {
  /** `YYYY-MM-DDTHH:MM:SS` (the schema wants no zone). */
  timestamp: string;
  hostname: string;
}

export function formatJunit(report: CheckReport, options: JunitOptions): string {
  const suites = new Map<string, SegmentOutcome[]>();
  for (const seg of report.segments) {
    const k = `${seg.article}\u0000${seg.lang}`;
    suites.set(k, [...(suites.get(k) ?? []), seg]);
  }
  const timestamp = options.timestamp.slice(0, 19);
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>', '<testsuites>'];
  let id = 0;
  for (const segments of suites.values()) {
    const { article, lang } = segments[0]!;
    const failingOf = (s: SegmentOutcome): ReportFinding[] => s.findings.map((i) => report.findings[i]!).filter((f) => f.failing);
    const failures = segments.filter((s) => failingOf(s).length > 0).length;
    out.push(
      `  <testsuite name="${xmlEscape(`${article} (${lang})`)}" package="${token(`verso.${lang}`)}" id="${id++}" timestamp="${timestamp}" hostname="${xmlEscape(options.hostname)}" tests="${segments.length}" failures="${failures}" errors="0" time="0">`,
    );
    out.push('    <properties>');
    out.push(`      <property name="article" value="${xmlEscape(article)}"/>`);
    out.push(`      <property name="lang" value="${xmlEscape(lang)}"/>`);
    out.push('    </properties>');
    const notes: string[] = [];
    for (const s of segments) {
      const failing = failingOf(s);
      const open = `    <testcase name="${token(s.key)}" classname="${token(`${article}.${lang}`)}" time="0"`;
      for (const i of s.findings) if (!report.findings[i]!.failing) notes.push(findingLine(report.findings[i]!));
      if (failing.length === 0) {
        out.push(`${open}/>`);
        continue;
      }
      const first = failing[0]!;
      const message = `${first.kind === 'qa' ? `qa/${first.check}` : first.kind}: ${first.message}${failing.length > 1 ? ` (+${failing.length - 1} more)` : ''}`;
      const type = [...new Set(failing.map((f) => (f.kind === 'qa' ? `qa/${f.check}` : f.kind)))].join(' ');
      out.push(`${open}>`);
      out.push(`      <failure message="${xmlEscape(message)}" type="${xmlEscape(type)}">${xmlEscape(failing.map(findingLine).join('\n'))}</failure>`);
      out.push('    </testcase>');
    }
    out.push(`    <system-out>${xmlEscape(notes.join('\n'))}</system-out>`);
    out.push('    <system-err></system-err>');
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}
