#!/usr/bin/env node
// Scores `verso align --lines` on every set of the alignment development set
// (../shared/align-dev) with its own scorer, score.mjs, and prints strict and lax F1 per set.
// Run after building: `npx tsc -p tsconfig.json && node tests/bench/align-dev-score.mjs`.
// The same sets and figures are checked against the goals by tests/cli/align-dev.test.ts.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dev = join(root, '..', 'shared', 'align-dev');
const cli = join(root, 'dist', 'cli', 'main.js');
const tr = (book, suffix = '') => join(dev, 'transread-en-fr', suffix, book);

export const DEV_SETS = [
  { name: 'Text+Berg dev (de-fr, sentences)', docs: [[join(dev, 'textberg-de-fr/dev.de'), join(dev, 'textberg-de-fr/dev.fr'), join(dev, 'textberg-de-fr/dev.gold')]] },
  ...['Candide', 'AlicesAdventuresInWonderland', 'Emma'].map((b) => ({
    name: `TransRead ${b} (en-fr, sentences)`,
    docs: [[tr(`${b}.en`), tr(`${b}.fr`), tr(`${b}.gold`)]],
  })),
  {
    name: 'TransRead paragraph level (en-fr, Candide + Alice)',
    docs: ['Candide', 'AlicesAdventuresInWonderland'].map((b) => [tr(`${b}.en.para`, 'paragraph-level'), tr(`${b}.fr.para`, 'paragraph-level'), tr(`${b}.para.gold`, 'paragraph-level')]),
  },
];

export function scoreSet(set, outDir) {
  const preds = set.docs.map(([src, tgt], k) => {
    const pred = join(outDir, `${set.name.replace(/\W+/g, '_')}_${k}.pred`);
    writeFileSync(pred, execFileSync(process.execPath, [cli, 'align', '--lines', src, tgt], { encoding: 'utf8', maxBuffer: 64 << 20 }));
    return pred;
  });
  const json = execFileSync(process.execPath, [join(dev, 'score.mjs'), '--json', '--gold', ...set.docs.map((d) => d[2]), '--pred', ...preds], { encoding: 'utf8' });
  return JSON.parse(json);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = mkdtempSync(join(tmpdir(), 'verso-align-dev-'));
  for (const set of DEV_SETS) {
    const r = scoreSet(set, out);
    console.log(`${set.name.padEnd(52)} strict F1 ${r.f1_strict.toFixed(4)}  (P ${r.precision_strict.toFixed(4)} R ${r.recall_strict.toFixed(4)})  lax F1 ${r.f1_lax.toFixed(4)}`);
  }
  console.log(`predictions in ${out}`);
}
