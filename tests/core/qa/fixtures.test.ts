/**
 * The evidence of quality: real-looking French→English, French→Vietnamese and French→German pairs
 * (tests/fixtures/qa/*.json). Correct pairs written with French typography (guillemets, narrow
 * no-break spaces, decimal commas) must produce no finding; each planted error must be found.
 * Precision and recall over the whole set are printed.
 *
 * A check may report what professional translation often does on purpose (a quotation turned
 * into reported speech, an aside dropped) as a note: `info` where the check's own severity is
 * higher. Notes are no alarm and count for neither precision nor recall, but each one a pair
 * gets must be listed in its `notes`, and each listed one must come, so that a note can neither
 * hide a planted error (a planted error is found only at the check's own severity) nor appear
 * or vanish unnoticed.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runArticleQa } from '../../../src/core/qa/run.js';
import { DEFAULT_BOILERPLATE } from '../../../src/core/config/config.js';
import { parseOriginal } from '../../../src/core/segment/parse-original.js';
import { buildArticle } from '../../../src/core/segment/build-article.js';
import { CHECKS } from '../../../src/core/qa/checks/registry.js';
import type { CheckId, QaFinding, Terminology } from '../../../src/core/qa/types.js';

interface FixtureSegment { key: string; source: string; target: string; machine?: string; expect: CheckId[]; notes?: CheckId[] }
interface FixtureSet { sourceLang: string; targetLang: string; terminology: Terminology; articles: Array<{ id: string; segments: FixtureSegment[] }> }

const load = (name: string): FixtureSet =>
  JSON.parse(readFileSync(fileURLToPath(new URL(`../../fixtures/qa/${name}`, import.meta.url)), 'utf8')) as FixtureSet;

const tally = { tp: 0, fp: 0, fn: 0, pairs: 0, correctPairs: 0, planted: 0, notes: 0 };

/** A note: a finding the check reported below its own severity (see the comment at the top). */
const isNote = (f: QaFinding): boolean => f.severity === 'info' && CHECKS[f.check].severity !== 'info';
const perCheck = new Map<string, { tp: number; fp: number; fn: number }>();
const bump = (check: string, field: 'tp' | 'fp' | 'fn') => {
  const row = perCheck.get(check) ?? { tp: 0, fp: 0, fn: 0 };
  row[field]++;
  perCheck.set(check, row);
  tally[field]++;
};

for (const file of ['fr-en.json', 'fr-vi.json', 'fr-de.json']) {
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
          const all = findings.get(seg.key) ?? [];
          const notes = new Set(all.filter(isNote).map((f) => f.check));
          tally.notes += notes.size;
          for (const check of notes) if (!seg.notes?.includes(check)) problems.push(`${article.id}/${seg.key}: unlisted note ${check}: ${all.find((f) => f.check === check && isNote(f))!.message}`);
          for (const check of seg.notes ?? []) if (!notes.has(check)) problems.push(`${article.id}/${seg.key}: listed note ${check} did not come`);
          const found = new Set(all.filter((f) => !isNote(f)).map((f) => f.check));
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

/**
 * The bundled seed article (a real French news text), segmented as `verso import` does, with
 * translations written for this set: correct ones must be clean; each planted error is found.
 */
interface SeedFixture {
  article: string;
  translations: Record<string, Record<string, string>>;
  planted: Array<{ lang: string; key: string; replace: [string, string]; expect: CheckId[]; machine?: string }>;
  doNotTranslate: string[];
}
describe('QA on the seed article', () => {
  const seed = JSON.parse(readFileSync(fileURLToPath(new URL('../../fixtures/qa/seed-article.json', import.meta.url)), 'utf8')) as SeedFixture;
  const originalText = readFileSync(fileURLToPath(new URL(`../../../../shared/seed/${seed.article}.txt`, import.meta.url)), 'utf8');
  const parsed = parseOriginal(originalText, DEFAULT_BOILERPLATE.map((p) => new RegExp(p, 'u')));
  const article = buildArticle(seed.article, 'fr', parsed.originUrl, parsed.paragraphs);
  const terminology: Terminology = { glossary: [], doNotTranslate: seed.doNotTranslate };
  const pairsFor = (tr: Record<string, string>, machine?: { key: string; text: string }) =>
    article.order.map((key) => ({ key, source: article.segments[key]!.text, target: tr[key]!, ...(machine?.key === key ? { machine: machine.text } : {}) }));

  for (const lang of Object.keys(seed.translations)) {
    it(`correct ${lang} translation of every segment: no finding`, () => {
      const tr = seed.translations[lang]!;
      expect(Object.keys(tr)).toEqual(article.order);
      const findings = runArticleQa(pairsFor(tr), { sourceLang: 'fr', targetLang: lang, terminology });
      tally.pairs += article.order.length;
      tally.correctPairs += article.order.length;
      const all = [...findings.entries()].flatMap(([key, fs]) => fs.map((f) => `${key}: ${f.check}: ${f.message}`));
      for (const f of all) bump(f.split(': ')[1]!, 'fp');
      expect(all).toEqual([]);
    });
  }

  for (const p of seed.planted) {
    it(`planted in ${p.lang} ${p.key} (“${p.replace[1]}”): ${p.expect.join(', ')} found, nothing else`, () => {
      const tr = { ...seed.translations[p.lang]! };
      expect(tr[p.key]).toContain(p.replace[0]);
      tr[p.key] = tr[p.key]!.replace(p.replace[0], p.replace[1]);
      const findings = runArticleQa(pairsFor(tr, p.machine ? { key: p.key, text: p.machine } : undefined), { sourceLang: 'fr', targetLang: p.lang, terminology });
      tally.pairs++;
      tally.planted += p.expect.length;
      const found = [...findings.entries()].flatMap(([key, fs]) => fs.map((f) => ({ key, check: f.check })));
      for (const f of found) bump(f.check, f.key === p.key && p.expect.includes(f.check) ? 'tp' : 'fp');
      for (const c of p.expect) if (!found.some((f) => f.key === p.key && f.check === c)) bump(c, 'fn');
      expect(found).toEqual(p.expect.map((check) => ({ key: p.key, check })));
    });
  }
});

afterAll(() => {
  const precision = tally.tp / Math.max(1, tally.tp + tally.fp);
  const recall = tally.tp / Math.max(1, tally.tp + tally.fn);
  const lines = [
    `QA fixture set: ${tally.pairs} pairs (${tally.correctPairs} correct, ${tally.planted} planted errors)`,
    `precision ${(precision * 100).toFixed(1)}%  recall ${(recall * 100).toFixed(1)}%  (TP ${tally.tp}, FP ${tally.fp}, FN ${tally.fn}; ${tally.notes} listed notes)`,
    ...[...perCheck.entries()].sort().map(([c, r]) => `  ${c.padEnd(26)} found ${r.tp}  false ${r.fp}  missed ${r.fn}`),
  ];
  console.log(lines.join('\n'));
});
