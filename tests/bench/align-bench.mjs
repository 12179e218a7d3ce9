#!/usr/bin/env node
// Benchmark of the aligner on 10,000 × 10,000 units (issue 6: at most 2 s and 500 MB).
// Run after building: `npx tsc -p tsconfig.json && node --expose-gc tests/bench/align-bench.mjs [units] [runs]`.
// Not part of the test suite: timings depend on the machine. Prints the median wall time, the median
// CPU time and the peak resident memory of the process, next to the goals.
//
// The texts are synthetic but shaped like a real parallel book: a source of sentences drawn from
// a Zipf-like vocabulary with names and numbers; a target that rewrites every common word (a different
// "language"), keeps names and numbers, and merges, splits, drops and inserts sentences at rates
// like those of the development set. The target is therefore not a copy of the source, and the
// aligner has to use lengths and anchors as it would on real text. The generator knows the true
// beads, so the run also prints a strict F1: speed that came from cutting corners would show.
import { alignUnits } from '../../dist/core/align/index.js';

const units = Number(process.argv[2] ?? 10_000);
const runs = Number(process.argv[3] ?? 5);

function prng(seed) {
  let x = seed >>> 0;
  return () => {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    return x / 4294967296;
  };
}

function makeCorpus(count, seed) {
  const rand = prng(seed);
  const syllables = ['ka', 'lo', 'mi', 'te', 'ra', 'su', 'ne', 'po', 'di', 'va', 'ri', 'xo'];
  const word = (k) => { let w = ''; let v = k + 1; do { w += syllables[v % syllables.length]; v = Math.floor(v / syllables.length); } while (v > 0); return w; };
  const vocab = Array.from({ length: 5000 }, (_, k) => word(k));
  const pick = () => vocab[Math.floor(vocab.length * Math.pow(rand(), 3))];
  const sentence = () => {
    const len = 5 + Math.floor(rand() * 25);
    const words = [];
    for (let w = 0; w < len; w++) {
      const r = rand();
      if (r < 0.03) words.push(String(Math.floor(rand() * 3000)));
      else if (r < 0.08) words.push('Name' + word(Math.floor(rand() * 800)));
      else words.push(pick());
    }
    return words.join(' ') + '.';
  };
  // The "other language" rewrites every lower-case word the same way; names and numbers stay.
  const toTarget = (text) => text.replace(/\b[a-z]+\b/g, (w) => w.split('').reverse().join('') + 'e');
  const source = [];
  const target = [];
  const gold = []; // the true beads, as "SRC:TGT" strings
  const bead = (s, t) => gold.push(`${s.join(',')}:${t.join(',')}`);
  while (source.length < count && target.length < count) {
    const r = rand();
    const s = sentence();
    const i = source.length;
    const j = target.length;
    source.push(s);
    if (r < 0.04 && source.length < count) { const s2 = sentence(); source.push(s2); target.push(toTarget(s) + ' ' + toTarget(s2)); bead([i, i + 1], [j]); } // 2–1
    else if (r < 0.08 && target.length + 1 < count) { const t = toTarget(s); const cut = t.indexOf(' ', t.length >> 1); target.push(t.slice(0, cut) + '.', t.slice(cut + 1)); bead([i], [j, j + 1]); } // 1–2
    else if (r < 0.09) bead([i], []); // dropped by the translator
    else if (r < 0.10 && target.length + 1 < count) { target.push(toTarget(s), 'Nota ' + toTarget(pick()) + '.'); bead([i], [j]); bead([], [j + 1]); } // translator's note
    else { target.push(toTarget(s)); bead([i], [j]); }
  }
  // Whichever side is short is completed with units that have no counterpart.
  while (source.length < count) { bead([source.length], []); source.push(sentence()); }
  while (target.length < count) { bead([], [target.length]); target.push(toTarget(sentence())); }
  return { source, target, gold };
}

/** Strict F1 as score.mjs computes it: identical beads; gold 1–0 / 0–1 beads are not recalled. */
function strictF1(gold, predicted) {
  const goldSet = new Set(gold);
  const predSet = new Set(predicted);
  const precision = predicted.filter((b) => goldSet.has(b)).length / predicted.length;
  const recallable = gold.filter((b) => !b.startsWith(':') && !b.endsWith(':'));
  const recall = recallable.filter((b) => predSet.has(b)).length / recallable.length;
  return (2 * precision * recall) / (precision + recall);
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const h = s.length >> 1; return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2; };
const { source, target, gold } = makeCorpus(units, 42);
const wall = [];
const cpu = [];
for (let r = 0; r < runs; r++) {
  globalThis.gc?.();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const beads = alignUnits(source, target);
  const ms = performance.now() - t0;
  const c1 = process.cpuUsage(c0);
  wall.push(ms);
  cpu.push((c1.user + c1.system) / 1000);
  if (r === 0) {
    const predicted = beads.map((b) => `${b.source.join(',')}:${b.target.join(',')}`);
    console.log(`${source.length} × ${target.length} units → ${beads.length} beads; strict F1 against the generated truth ${strictF1(gold, predicted).toFixed(4)}`);
  }
}
// Wall time is what a user waits; CPU time is shown beside it because on a loaded machine the
// wall time also counts waiting for a core.
console.log(`wall time  median ${median(wall).toFixed(0)} ms   (runs: ${wall.map((t) => t.toFixed(0)).join(', ')})   goal ≤ 2000 ms`);
console.log(`CPU time   median ${median(cpu).toFixed(0)} ms   (runs: ${cpu.map((t) => t.toFixed(0)).join(', ')})`);
// Peak resident memory of the whole process (Node itself included), over all runs.
console.log(`peak RSS   ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (whole process)   goal ≤ 500 MB`);
