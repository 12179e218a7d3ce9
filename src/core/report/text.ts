/**
 * `--format text`: one line per finding — file:line, language, key, kind, message — then a
 * summary. Everything from article text is sanitised: a report is printed to a terminal.
 */
import { sanitizeLine } from '../text/sanitize.js';
import type { CheckReport, ReportFinding } from './check-report.js';

function label(f: ReportFinding): string {
  if (f.ignored) return 'ignored';
  if (f.failing) return 'error';
  return f.severity === 'info' ? 'note' : f.kind === 'qa' ? f.severity : 'note';
}

export function findingLine(f: ReportFinding): string {
  const where = `${f.file}${f.line ? `:${f.line}` : ''}`;
  const what = f.kind === 'qa' ? `qa/${f.check}` : f.kind;
  const excerpt = f.excerpt ? ` [“${f.excerpt.length > 60 ? `${f.excerpt.slice(0, 59)}…` : f.excerpt}”]` : '';
  const ignored = f.ignored ? ` (ignored by ${f.ignored.by}: ${f.ignored.reason})` : '';
  return sanitizeLine(`${where}: ${label(f)}: ${f.lang} ${f.article}/${f.key} ${what}: ${f.message}${excerpt}${ignored}`);
}

export function formatText(report: CheckReport): string {
  const lines = report.findings.map(findingLine);
  const s = report.summary;
  const kinds = Object.entries(s.byKind).map(([k, n]) => `${n} ${k}`).join(', ');
  const langs = s.languages.map((l) => `${l.lang} ${Math.floor(l.approvedPct)}% approved`).join(', ');
  lines.push('');
  lines.push(`${s.articles} article(s), ${s.segments} segment(s) × ${report.langs.join(', ')}${langs ? ` (${langs})` : ''}`);
  lines.push(`${s.findings} finding(s)${kinds ? `: ${kinds}` : ''}${s.ignored ? `; ${s.ignored} ignored` : ''}`);
  lines.push(
    report.exitCode === 0
      ? `check passed (failing on: ${report.failOn.join(', ') || 'nothing'})`
      : `check failed: ${s.failing} finding(s) in ${report.failOn.join(', ')}`,
  );
  return `${lines.join('\n')}\n`;
}
