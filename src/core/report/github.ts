/**
 * `--format github`: GitHub Actions workflow commands, one annotation per finding, shown on the
 * pull request's diff at the line of the key in the locale file or of the paragraph in the
 * original. Syntax: `::error file=F,line=L,title=T::MESSAGE`. Property values escape `%`, CR,
 * LF, `:` and `,`; the message escapes `%`, CR and LF (the runner decodes exactly these).
 *
 * Failing findings are errors; QA findings that do not fail the gate are warnings or notices;
 * status findings outside the gate and ignored findings are left out (a backlog of unapproved
 * segments is not an annotation on every line).
 */
import { sanitizeLine } from '../text/sanitize.js';
import type { CheckReport, ReportFinding } from './check-report.js';

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function level(f: ReportFinding): 'error' | 'warning' | 'notice' | null {
  if (f.ignored) return null;
  if (f.failing) return 'error';
  if (f.kind !== 'qa') return null;
  return f.severity === 'info' ? 'notice' : 'warning';
}

export function formatGithub(report: CheckReport): string {
  const lines: string[] = [];
  for (const f of report.findings) {
    const cmd = level(f);
    if (!cmd) continue;
    const what = f.kind === 'qa' ? `qa/${f.check}` : f.kind;
    const props = [`file=${escapeProperty(f.file)}`];
    if (f.line) props.push(`line=${f.line}`);
    props.push(`title=${escapeProperty(`verso ${what} (${f.lang} ${f.key})`)}`);
    const excerpt = f.excerpt ? ` [“${f.excerpt}”]` : '';
    lines.push(`::${cmd} ${props.join(',')}::${escapeData(sanitizeLine(`${f.message}${excerpt}`))}`);
  }
  const s = report.summary;
  lines.push(
    report.exitCode === 0
      ? `verso check passed: ${s.segments} segment(s), ${s.findings} finding(s), none failing (${report.failOn.join(', ') || 'nothing'})`
      : `verso check failed: ${s.failing} failing finding(s) of ${s.findings} (${report.failOn.join(', ')})`,
  );
  return `${lines.join('\n')}\n`;
}
