/**
 * The job summary of a GitHub Actions run (`$GITHUB_STEP_SUMMARY`, GitHub-flavoured Markdown),
 * written beside `--format github`. Annotations are what a reviewer sees on the diff, but GitHub
 * shows only the first few of each kind per step; the summary is the whole picture on the run's
 * page: per-language progress, what was found, and the first failing findings with their places.
 *
 * Everything taken from the project (file names, keys, messages quoting article text) is
 * untrusted: it is stripped of control characters, and every character that inline Markdown or
 * HTML would interpret is escaped, so a translation cannot add HTML, an image, emphasis, a link
 * with a text of its own or a table cell. (A bare URL in a quoted translation may still be shown
 * as a link by GitHub's autolinking: it is the URL the article has.) Everything sits in table
 * cells or after text on a line, where block syntax (`#`, `-`, `1.`) cannot start.
 */
import { sanitizeLine } from '../text/sanitize.js';
import type { CheckReport, ReportFinding } from './check-report.js';

/** Failing findings listed one by one; the rest are counted. */
export const SUMMARY_FINDINGS = 50;

const MARKDOWN_SPECIAL = /[\\`*_[\]|~]/g;

/** Untrusted text as literal Markdown on one line (table cells included). */
export function markdownText(text: string): string {
  return sanitizeLine(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(MARKDOWN_SPECIAL, (c) => `\\${c}`);
}

function what(f: ReportFinding): string {
  return f.kind === 'qa' ? `qa/${f.check ?? ''}` : f.kind;
}

function pct(n: number): string {
  return `${n.toFixed(n === 100 || n === 0 ? 0 : 1)} %`;
}

export function formatStepSummary(report: CheckReport): string {
  const s = report.summary;
  const out: string[] = [];
  const gates = report.failOn.length ? report.failOn.join(', ') : 'none';
  out.push(report.exitCode === 0 ? '### verso check passed' : '### verso check failed');
  out.push('');
  out.push(
    `${s.failing} failing finding(s) of ${s.findings}${s.ignored ? ` (${s.ignored} accepted with \`verso qa ignore\`)` : ''}; ` +
      `${s.articles} article(s), ${s.segments} segment(s); gates: ${markdownText(gates)}.`,
  );
  out.push('');
  out.push('| language | segments | approved | draft | machine | untranslated | stale | failing |');
  out.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const l of s.languages) {
    const b = l.byStatus;
    out.push(`| ${markdownText(l.lang)} | ${l.segments} | ${b.approved} (${pct(l.approvedPct)}) | ${b.draft} | ${b.machine} | ${b.untranslated} | ${b.stale} | ${l.failing} |`);
  }
  const kinds = Object.entries(s.byKind).filter(([, n]) => (n ?? 0) > 0);
  if (kinds.length) {
    out.push('');
    out.push('| finding | count |');
    out.push('| --- | ---: |');
    for (const [kind, n] of kinds) {
      if (kind !== 'qa') out.push(`| ${markdownText(kind)} | ${n} |`);
    }
    for (const [check, n] of Object.entries(s.byCheck).sort((a, b) => b[1] - a[1])) out.push(`| qa/${markdownText(check)} | ${n} |`);
  }
  const failing = report.findings.filter((f) => f.failing);
  if (failing.length) {
    const shown = failing.slice(0, SUMMARY_FINDINGS);
    out.push('');
    out.push(`<details><summary>Failing findings${failing.length > shown.length ? ` (the first ${shown.length} of ${failing.length})` : ''}</summary>`);
    out.push('');
    out.push('| where | language | key | finding | message |');
    out.push('| --- | --- | --- | --- | --- |');
    for (const f of shown) {
      const where = f.line ? `${f.file}:${f.line}` : f.file;
      const excerpt = f.excerpt ? ` [“${f.excerpt}”]` : '';
      out.push(`| ${markdownText(where)} | ${markdownText(f.lang)} | ${markdownText(`${f.article}/${f.key}`)} | ${markdownText(what(f))} | ${markdownText(`${f.message}${excerpt}`)} |`);
    }
    out.push('');
    out.push('</details>');
  }
  return `${out.join('\n')}\n\n`;
}
