/**
 * The evidence of quality: real-looking French→English and French→Vietnamese pairs
 * (tests/fixtures/qa/*.json). Correct pairs written with French typography (guillemets, narrow
 * no-break spaces, decimal commas) must produce no finding; each planted error must be found.
 * Precision and recall over the whole set are printed.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runArticleQa } from '../../../src/core/qa/run.js';
import type { CheckId, Terminology } from '../../../src/core/qa/types.js';

interface FixtureSegment { key: string; source: string; target: string; machine?: string; expect: CheckId[] }
interface FixtureSet { sourceLang: string; targetLang: string; terminology: Terminology; articles: Array<{ id: string; segments: FixtureSegment[] }> }

const load = (name: string): FixtureSet =>
  JSON.parse(readFileSync(fileURLToPath(new URL(`../../fixtures/qa/${name}`, import.meta.url)), 'utf8')) as FixtureSet;

const tally = { tp: 0, fp: 0, fn: 0, pairs: 0, correctPairs: 0, planted: 0 };
const perCheck = new Map<string, { tp: number; fp: number; fn: number }>();
const bump = (check: string, field: 'tp' | 'fp' | 'fn') => {
  const row = perCheck.get(check) ?? { tp: 0, fp: 0, fn: 0 };
  row[field]++;
  perCheck.set(check, row);
  tally[field]++;
};

for (const file of ['fr-en.json', 'fr-vi.json']) {
  const set = load(file);
  describe(`QA fixture set ${file}`, () => {
    for (const article of set.articles) {
      it(`article ${article.id}: no false alarm, every planted error found`, () => {
        const findings = runArticleQa(article.segments, { sourceLang: set.sourceLang, targetLang: set.targetLang, terminology: set.terminology });
        const problems: string[] = [];
        for (const seg of article.segments) {
          tally.pairs++;
          if (seg.expect.length === 0) tally.correctPairs++;
          tally.planted += seg.expect.length;
          const found = new Set((findings.get(seg.key) ?? []).map((f) => f.check));
          for (const check of found) {
            if (seg.expect.includes(check)) bump(check, 'tp');
            else {
              bump(check, 'fp');
              const f = findings.get(seg.key)!.find((x) => x.check === check)!;
              problems.push(`${article.id}/${seg.key}: unexpected ${check}: ${f.message}`);
            }
          }
          for (const check of seg.expect) {
            if (!found.has(check)) {
              bump(check, 'fn');
              problems.push(`${article.id}/${seg.key}: missed ${check}`);
            }
          }
        }
        expect(problems).toEqual([]);
      });
    }
  });
}

afterAll(() => {
  const precision = tally.tp / Math.max(1, tally.tp + tally.fp);
  const recall = tally.tp / Math.max(1, tally.tp + tally.fn);
  const lines = [
    `QA fixture set: ${tally.pairs} pairs (${tally.correctPairs} correct, ${tally.planted} planted errors)`,
    `precision ${(precision * 100).toFixed(1)}%  recall ${(recall * 100).toFixed(1)}%  (TP ${tally.tp}, FP ${tally.fp}, FN ${tally.fn})`,
    ...[...perCheck.entries()].sort().map(([c, r]) => `  ${c.padEnd(26)} found ${r.tp}  false ${r.fp}  missed ${r.fn}`),
  ];
  console.log(lines.join('\n'));
});
