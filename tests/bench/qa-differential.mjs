#!/usr/bin/env node
// Differential test of the QA checks: the QA code of another revision (default: HEAD, so run it
// with uncommitted changes to see what they change) against the working tree's, on the same
// segment pairs. Every numeric token, name, acronym, folded text and finding must be equal;
// the script lists the first differences and prints both sides' time for runArticleQa.
//
//   npx tsc -p tsconfig.json && node tests/bench/qa-differential.mjs [--base <rev>] [--articles <n>] [--time]
//
// Pairs: every segment of a generated project (source, approved or draft text, machine text,
// for each target language), the QA fixtures of tests/fixtures/qa, and seeded mutations of each
// translation that plant the errors the checks look for (a doubled word, a changed digit, a
// dropped decimal mark or quote, French spacing, stripped diacritics, a dropped negation, a link,
// a placeholder…), so that finding paths are compared too, not only clean ones. A speed change to
// QA must leave this at 0 differences; a precision change shows here exactly what it changes.
// Exit 0 when both sides agree, 1 when they differ.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isDeepStrictEqual, inspect, parseArgs } from 'node:util';

const root = fileURLToPath(new URL('../..', import.meta.url));
const { values: args } = parseArgs({ options: { base: { type: 'string', default: 'HEAD' }, articles: { type: 'string', default: '300' }, time: { type: 'boolean', default: false } } });
const timeIt = args.time;
const work = fs.mkdtempSync(path.join(tmpdir(), 'verso-qa-diff-'));
const baseTree = path.join(work, 'base');
const git = (...a) => execFileSync('git', a, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] }).toString();

// The base revision's QA code, compiled in a worktree of its own.
git('worktree', 'add', '--detach', '--quiet', baseTree, args.base);
let exitCode = 1;
try {
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(baseTree, 'node_modules'));
  execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { cwd: baseTree, stdio: 'inherit' });
  const { generateProject } = await import(pathToFileURL(path.join(root, 'dist', 'bench', 'generate.js')).href);
  const dir = path.join(work, 'project');
  await generateProject({ dir, articles: Number(args.articles), segmentsPerArticle: 25, seed: 5 });
  const load = async (qaRoot) => ({
    run: await import(pathToFileURL(path.join(qaRoot, 'run.js')).href),
    numbers: await import(pathToFileURL(path.join(qaRoot, 'numbers.js')).href),
    names: await import(pathToFileURL(path.join(qaRoot, 'names.js')).href),
    text: await import(pathToFileURL(path.join(qaRoot, 'text.js')).href),
  });
  const oldQa = await load(path.join(baseTree, 'dist', 'core', 'qa'));
  const newQa = await load(path.join(root, 'dist', 'core', 'qa'));
  console.log(`base ${args.base} (${git('rev-parse', '--short', args.base).trim()}) against the working tree's dist/`);
  exitCode = compare(dir, oldQa, newQa);
} finally {
  git('worktree', 'remove', '--force', baseTree);
  fs.rmSync(work, { recursive: true, force: true });
}
process.exitCode = exitCode;

function compare(dir, oldQa, newQa) {
let seed = 12345;
const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const pick = (a) => a[Math.floor(rnd() * a.length)];

function mutations(t) {
  const out = [];
  const words = t.split(' ');
  if (words.length > 3) { const i = Math.floor(rnd() * words.length); const w = [...words]; w.splice(i, 0, words[i]); out.push(w.join(' ')); }
  if (words.length > 3) { const i = Math.floor(rnd() * words.length); const w = [...words]; w.splice(i, 0, words[i].toUpperCase()); out.push(w.join(' ')); }
  out.push(t.replace(/\d/, (d) => String((Number(d) + 3) % 10)));
  out.push(t.replace(/(\d)[.,](\d)/, '$1$2'));
  out.push(t.replace(/[“”"«»]/, ''));
  out.push(t.replace(/ ([;:!?])/g, '$1').replace(/([a-z])([;:!?])/g, '$1 $2'));
  out.push(t.replace(/ /, '  ').replace(/\.$/, ''));
  out.push(t.normalize('NFD').replace(/\p{M}/gu, ''));
  out.push(t.replace(/\b(not|no|never|không|chưa|nicht|kein)\b/u, ''));
  out.push(t.replace(/\b([A-Z][a-z]+) ([A-Z][a-z]+)/, '$1-$2'));
  out.push(' ' + t + ' ');
  out.push(t.replace(/(\p{Lu}\p{Ll}+)/u, '$1 $1'));
  out.push(t.replace(/\)/, '').replace(/ (\d+)/, ' ($1'));
  out.push(t + ' https://example.org/a_(b). Mail: x.y@example.com {{name}}');
  return out;
}

// ---- inputs
const config = JSON.parse(fs.readFileSync(path.join(dir, 'verso.config.json'), 'utf8'));
const src = config.sourceLang;
const targets = config.targetLangs;
const groups = []; // { opts, pairs: [{key, source, target, machine?}] }
const allTexts = []; // [text, lang]
for (const f of fs.readdirSync(path.join(dir, '.verso/articles'))) {
  const article = JSON.parse(fs.readFileSync(path.join(dir, '.verso/articles', f), 'utf8'));
  for (const lang of targets) {
    let state = { segments: {} };
    try { state = JSON.parse(fs.readFileSync(path.join(dir, '.verso/state', lang, f), 'utf8')); } catch {}
    const pairs = [];
    const mutated = [];
    for (const key of article.order) {
      const seg = article.segments[key];
      if (!seg || seg.obsolete) continue;
      const st = state.segments[key];
      const target = st?.approved?.text ?? st?.draft?.text ?? st?.candidates?.[0]?.text;
      const machine = st?.candidates?.find((c) => c.origin === 'machine')?.text;
      allTexts.push([seg.text, src]);
      if (target === undefined) continue;
      allTexts.push([target, lang]);
      if (machine) allTexts.push([machine, lang]);
      pairs.push({ key, source: seg.text, target, ...(machine ? { machine } : {}) });
      for (const [i, m] of mutations(target).entries()) mutated.push({ key: `${key}~${i}`, source: seg.text, target: m, ...(machine ? { machine } : {}) });
      mutated.push({ key: `${key}~copy`, source: seg.text, target: seg.text });
    }
    const opts = { sourceLang: src, targetLang: lang, severity: {} };
    groups.push({ opts, pairs });
    groups.push({ opts, pairs: mutated });
  }
}
for (const f of ['fr-en.json', 'fr-vi.json', 'seed-article.json']) {
  const fx = JSON.parse(fs.readFileSync(path.join(root, 'tests', 'fixtures', 'qa', f), 'utf8'));
  const opts = { sourceLang: fx.sourceLang ?? 'fr', targetLang: fx.targetLang ?? 'en', terminology: fx.terminology, severity: {} };
  for (const a of fx.articles ?? []) {
    const pairs = a.segments.map((s) => ({ key: s.key, source: s.source, target: s.target, ...(s.machine ? { machine: s.machine } : {}) }));
    groups.push({ opts, pairs });
    const mutated = pairs.flatMap((p) => mutations(p.target).map((m, i) => ({ ...p, key: `${p.key}~${i}`, target: m })));
    groups.push({ opts, pairs: mutated });
    for (const p of pairs) { allTexts.push([p.source, opts.sourceLang], [p.target, opts.targetLang]); if (p.machine) allTexts.push([p.machine, opts.targetLang]); }
  }
}
const nPairs = groups.reduce((a, g) => a + g.pairs.length, 0);
console.log(`${groups.length} article-language groups, ${nPairs} pairs, ${allTexts.length} texts`);

// ---- differential
let mismatches = 0;
const report = (what, input, a, b) => {
  mismatches++;
  if (mismatches <= 15) console.log(`DIFFERENCE ${what}\n  input: ${inspect(input, { depth: 4, breakLength: 200 })}\n  base: ${inspect(a, { depth: 5, breakLength: 200 })}\n  working tree: ${inspect(b, { depth: 5, breakLength: 200 })}`);
};
for (const [t, lang] of allTexts) {
  for (const words of [true, false]) {
    const a = oldQa.numbers.extractNumericTokens(t, lang, { words });
    const b = newQa.numbers.extractNumericTokens(t, lang, { words });
    if (!isDeepStrictEqual(a, b)) report(`extractNumericTokens(${lang}, words=${words})`, t, a, b);
  }
  const na = oldQa.names.findNames(t), nb = newQa.names.findNames(t);
  if (!isDeepStrictEqual(na, nb)) report('findNames', t, na, nb);
  const aa = oldQa.names.findAcronyms(t), ab = newQa.names.findAcronyms(t);
  if (!isDeepStrictEqual(aa, ab)) report('findAcronyms', t, aa, ab);
  const fa = oldQa.text.fold(t), fb = newQa.text.fold(t);
  if (fa !== fb) report('fold', t, fa, fb);
}
for (const g of groups) {
  const a = oldQa.run.runArticleQa(g.pairs, g.opts);
  const b = newQa.run.runArticleQa(g.pairs, g.opts);
  if (!isDeepStrictEqual(a, b)) {
    for (const p of g.pairs) if (!isDeepStrictEqual(a.get(p.key), b.get(p.key))) report(`runArticleQa ${g.opts.targetLang} ${p.key}`, p, a.get(p.key), b.get(p.key));
  }
}
let findings = 0;
for (const g of groups) for (const l of newQa.run.runArticleQa(g.pairs, g.opts).values()) findings += l.length;
console.log(`${mismatches} difference(s); ${findings} findings in all (working tree)`);

// ---- timing: runArticleQa over the unmutated groups, old vs new alternately, medians of 5
if (timeIt) {
  const plain = groups.filter((_, i) => i % 2 === 0);
  const t = (qa) => { const s = performance.now(); for (const g of plain) qa.run.runArticleQa(g.pairs, g.opts); return performance.now() - s; };
  const olds = [], news = [];
  for (let i = 0; i < 5; i++) { olds.push(t(oldQa)); news.push(t(newQa)); }
  const med = (a) => [...a].sort((x, y) => x - y)[2];
  console.log(`runArticleQa on the unmutated pairs, median of 5: base ${med(olds).toFixed(0)} ms, working tree ${med(news).toFixed(0)} ms (${(med(olds) / med(news)).toFixed(2)}× as fast)`);
}
return mismatches ? 1 : 0;
}
