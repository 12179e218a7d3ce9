/** The report formatters as pure functions: escaping rules and the gate logic, on hand-made reports. */
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { finishReport, type ReportFinding } from '../../src/core/report/check-report.js';
import { escapeData, escapeProperty, formatGithub } from '../../src/core/report/github.js';
import { formatJunit } from '../../src/core/report/junit.js';
import { formatStepSummary, markdownText, SUMMARY_FINDINGS } from '../../src/core/report/step-summary.js';
import { formatText } from '../../src/core/report/text.js';

type Input = Omit<ReportFinding, 'gate' | 'failing'>;
const finding = (over: Partial<Input>): Input => ({
  kind: 'qa', article: 'a', lang: 'en', key: 'p1', file: 'locales/en/a.json', line: 2, status: 'approved',
  check: 'numbers', severity: 'error', message: 'source “7,5” became “75” in the translation', excerpt: '75', span: { side: 'target', start: 3, end: 5 }, ignored: null,
  ...over,
});
const report = (findings: Input[], failOn: Parameters<typeof finishReport>[0]['failOn'] = ['qa-error']) =>
  finishReport({
    sourceLang: 'fr', langs: ['en'], failOn, articles: 1, findings,
    segments: [{ article: 'a', lang: 'en', key: 'p1', status: 'approved', file: 'locales/en/a.json', line: 2, findings: findings.map((_, i) => i) }],
    languages: [{ lang: 'en', segments: 1, byStatus: { untranslated: 0, machine: 0, draft: 0, approved: 1, stale: 0 }, approvedPct: 100 }],
  });

describe('gates', () => {
  it('fails only on the gates asked for, and never on ignored findings', () => {
    expect(report([finding({})]).exitCode).toBe(1);
    expect(report([finding({ severity: 'warning' })]).exitCode).toBe(0);
    expect(report([finding({ severity: 'warning' })], ['qa-warning']).exitCode).toBe(1);
    expect(report([finding({ ignored: { reason: 'ok', by: 'me', at: '2026-01-01T00:00:00Z' } })]).exitCode).toBe(0);
    expect(report([finding({ kind: 'hand-edited', check: null })], ['unapproved']).findings[0]).toMatchObject({ gate: 'unapproved', failing: true });
    expect(report([finding({ kind: 'orphan-key', check: null })], ['untranslated']).findings[0]).toMatchObject({ gate: 'stale', failing: false });
  });
});

describe('GitHub workflow commands', () => {
  it('escapes data and property values the way the runner decodes them', () => {
    expect(escapeData('50% done\r\nnext')).toBe('50%25 done%0D%0Anext');
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
  });

  it('keeps a hostile file name and message on one well-formed line', () => {
    const out = formatGithub(report([finding({ file: 'locales/en/a,b:c.json', message: 'line one\nline two \u001b[2J 100%' })]));
    const first = out.split('\n')[0]!;
    expect(first).toBe('::error file=locales/en/a%2Cb%3Ac.json,line=2,title=verso qa/numbers (en p1)::line one line two  100%25 [“75”]');
  });
});

describe('JUnit XML', () => {
  it('escapes markup and drops characters XML cannot carry', () => {
    const xml = formatJunit(report([finding({ message: 'a <b> & "c" \u0001 \ud800' })]), { timestamp: '2026-11-27T10:00:00.000Z', hostname: 'ci' });
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('timestamp="2026-11-27T10:00:00"');
    expect(xml).toContain('&lt;b&gt; &amp; &quot;c&quot;');
    expect(xml).not.toMatch(/[\u0001\ud800]/);
  });
});

describe('text', () => {
  it('marks ignored findings and summarises', () => {
    const out = formatText(report([finding({ ignored: { reason: 'house style', by: 'lan', at: '2026-01-01T00:00:00Z' } })]));
    expect(out).toContain('locales/en/a.json:2: ignored: en a/p1 qa/numbers: source “7,5” became “75” in the translation [“75”] (ignored by lan: house style)');
    expect(out).toContain('check passed');
  });
});

describe('GitHub job summary (Markdown)', () => {
  it('shows untrusted text literally: no HTML, image, link, emphasis or extra table cell', () => {
    const hostile = 'a | b ![x](https://e.example/p.png) [c](https://e.example) <img src=x> **d** _e_ `f` ~g~ \\ \u001b[2J';
    const md = markdownText(hostile);
    expect(md).toBe('a \\| b !\\[x\\](https://e.example/p.png) \\[c\\](https://e.example) &lt;img src=x&gt; \\*\\*d\\*\\* \\_e\\_ \\`f\\` \\~g\\~ \\\\ ');
    const summary = formatStepSummary(report([finding({ message: hostile, file: 'locales/en/a|b.json' })]));
    const row = summary.split('\n').find((l) => l.includes('qa/numbers') && l.includes('a.json') === false && l.includes('a\\|b'))!;
    // Five cells, whatever the text held: every | from the project is escaped.
    expect(row.replace(/\\\|/g, '').split('|').length - 2).toBe(5);
    expect(summary).not.toMatch(/<img|\u001b/);
  });

  it('gives progress per language, counts per kind and check, and the failing findings', () => {
    const md = formatStepSummary(report([finding({}), finding({ severity: 'warning', check: 'quotes' }), finding({ kind: 'hand-edited', check: null, message: 'edited' })], ['qa-error', 'unapproved']));
    expect(md).toContain('### verso check failed');
    expect(md).toContain('2 failing finding(s) of 3');
    expect(md).toContain('| en | 1 | 1 (100 %) | 0 | 0 | 0 | 0 | 2 |');
    expect(md).toMatch(/\| hand-edited \| 1 \|/);
    expect(md).toMatch(/\| qa\/numbers \| 1 \|/);
    expect(md).toMatch(/\| qa\/quotes \| 1 \|/);
    // Only failing findings are listed one by one (the warning is counted, not listed).
    expect(md.split('\n').filter((l) => l.startsWith('| locales')).length).toBe(2);
    expect(formatStepSummary(report([finding({ severity: 'warning' })]))).toContain('### verso check passed');
  });

  it('lists at most the first findings, and says how many there are', () => {
    const many = Array.from({ length: SUMMARY_FINDINGS + 7 }, (_, i) => finding({ key: `p${i}` }));
    const md = formatStepSummary(report(many));
    expect(md).toContain(`(the first ${SUMMARY_FINDINGS} of ${SUMMARY_FINDINGS + 7})`);
    expect(md.split('\n').filter((l) => l.startsWith('| locales')).length).toBe(SUMMARY_FINDINGS);
  });
});
