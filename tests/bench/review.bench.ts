/**
 * The review screen at scale (issue 4): a generated article of 10,000 segments, rendered through
 * Ink into a fake 100×30 terminal.
 *
 *  - first frame: from handing the loaded records to the screen to the first frame that shows
 *    them (budget 300 ms);
 *  - key → next frame: from a key written to stdin to the frame Ink writes in response
 *    (budget: median ≤ 16 ms, p95 ≤ 33 ms). Keys are spaced beyond Ink's 30 fps throttle so each
 *    one is drawn on its own;
 *  - memory after loading and after the key run.
 *
 * Beside each figure, the same measurement on a trivial Ink app drawing a frame of the same size
 * (29 different rows of French text, changing with every key): Ink's own floor on this machine,
 * so the ratio says what verso adds.
 *
 * Run: npm run build && npm run bench -- --only review-screen [--quick]
 */
import { EventEmitter } from 'node:events';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { performance } from 'node:perf_hooks';
import type { Benchmark, BenchContext } from '../../src/bench/types.js';

const COLUMNS = 100;
const FLOOR_TEXT = [
  'Le porte-parole du Pentagone, Patrick Ryder, a déclaré que le secrétaire Austin avait initié l’appel,',
  'le premier entre les dirigeants des départements de la Défense américain et russe depuis mars 2023.',
  'Le ministère russe de la Défense a déclaré que le ministre Belousov avait mis en garde son homologue',
  'contre les dangers liés à la poursuite des livraisons d’armes à l’Ukraine. « Le ministre a souligné',
  'le risque d’une nouvelle escalade », a indiqué la partie russe dans un communiqué publié jeudi soir.',
].join(' ').repeat(4);
const ROWS = 30;

class FakeStdout extends EventEmitter {
  readonly isTTY = true;
  columns = COLUMNS;
  rows = ROWS;
  bytes = 0;
  private waiter: ((chunk: string) => void) | null = null;
  write = (chunk: string | Uint8Array, callback?: unknown) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    this.bytes += Buffer.byteLength(text);
    const w = this.waiter;
    if (w) w(text);
    if (typeof callback === 'function') (callback as () => void)();
    return true;
  };
  /** Resolves with the time of the next write that satisfies `accept`. */
  nextWrite(accept: (text: string) => boolean = () => true, timeoutMs = 10_000): Promise<number> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no frame written')), timeoutMs);
      this.waiter = (text) => {
        if (!accept(text)) return;
        clearTimeout(timer);
        this.waiter = null;
        resolve(performance.now());
      };
    });
  }
}

class FakeStdin extends EventEmitter {
  readonly isTTY = true;
  private data: string | null = null;
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
  read = () => {
    const d = this.data;
    this.data = null;
    return d;
  };
  press(keys: string) {
    this.data = keys;
    this.emit('readable');
  }
}

/** A full garbage collection, so memory figures show what is kept rather than what awaits collection. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const median = (values: number[]) => percentile(values, 50);

/** Keys a translator would press, each of which changes the frame. */
function keyPlan(count: number): string[] {
  const keys: string[] = [];
  for (let i = 0; keys.length < count; i++) {
    if (i % 40 === 39) keys.push('G', 'g');
    else if (i % 10 === 9) keys.push('\u001b[6~'); // PgDn
    else if (i % 7 === 6) keys.push('n');
    else if (i % 5 === 4) keys.push('k');
    else keys.push('j');
  }
  return keys.slice(0, count);
}

interface Measured {
  firstFrameMs: number;
  keyMs: number[];
}

async function measureApp(mount: (stdout: FakeStdout, stdin: FakeStdin) => { unmount: () => void }, isReady: (text: string) => boolean, keys: string[]): Promise<Measured> {
  const stdout = new FakeStdout();
  const stdin = new FakeStdin();
  const start = performance.now();
  const ready = stdout.nextWrite(isReady);
  const app = mount(stdout, stdin);
  const firstFrameMs = (await ready) - start;
  await pause(60);
  const keyMs: number[] = [];
  for (const key of keys) {
    const frame = stdout.nextWrite();
    const t = performance.now();
    stdin.press(key);
    keyMs.push((await frame) - t);
    if (process.env['REVIEW_BENCH_TRACE']) process.stderr.write(`${JSON.stringify(key)} ${keyMs[keyMs.length - 1]!.toFixed(1)}\n`);
    await pause(60); // beyond Ink's 33 ms frame throttle, as a translator's key repeat (≤ 20/s) would be
  }
  app.unmount();
  return { firstFrameMs, keyMs };
}

export const benchmark: Benchmark = {
  id: 'review-screen',
  title: 'review screen: first frame and key → frame on a 10,000-segment article (Ink, fake terminal)',
  async run(ctx: BenchContext) {
    // Ink renders only the last frame when it believes it runs in CI; this measures a terminal.
    delete process.env['CI'];
    // As `verso review` does: React's production build (set before React is first loaded).
    process.env['NODE_ENV'] ??= 'production';
    const [{ render, Text, Box, useInput }, React, { ReviewApp }, { createTranslator }, { projectSession }, { openProject }] = await Promise.all([
      import('ink'),
      import('react'),
      import('../../src/ui/ReviewApp.js'),
      import('../../src/ui/i18n/index.js'),
      import('../../src/ui/session.js'),
      import('../../src/storage/project.js'),
    ]);
    const segments = ctx.quick ? 2_000 : 10_000;
    const runs = ctx.quick ? 2 : Math.max(3, Math.min(ctx.runs, 5));
    const keysPerRun = ctx.quick ? 40 : 150;
    ctx.log(`generating 1 article × ${segments} segments`);
    const generated = await ctx.generateProject({ articles: 1, segmentsPerArticle: segments, targetLangs: ['en'], seed: 4 });
    const project = await openProject(generated.root);
    const session = projectSession(project, generated.articleIds[0]!, 'bench');

    const loadMs: number[] = [];
    let data = await session.load('en');
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      data = await session.load('en');
      loadMs.push(performance.now() - t);
    }
    const loaded = { ...session, load: () => Promise.resolve(data) };
    const t = createTranslator('en');
    collectGarbage();
    const memoryBefore = process.memoryUsage();

    const subject: Measured[] = [];
    const baseline: Measured[] = [];
    const keys = keyPlan(keysPerRun);
    for (let i = 0; i < runs; i++) {
      subject.push(await measureApp((stdout, stdin) => render(
        React.createElement(ReviewApp, { session: loaded, initialLang: 'en', t, uiLanguage: 'en', markers: false }),
        { stdout: stdout as unknown as NodeJS.WriteStream, stdin: stdin as unknown as NodeJS.ReadStream, exitOnCtrlC: false, patchConsole: false },
      // Ready: the selected segment's details are drawn (it opens on the first segment needing work).
      ), (text) => /\bp\d+ · /.test(text), keys));
      // The floor: Ink drawing 29 rows of French text as wide as the screen, all different and
      // all changing with every key — what any frame of article text costs Ink to measure and
      // draw, whatever the application does.
      const Floor = () => {
        const [n, setN] = React.useState(0);
        useInput(() => setN((x) => x + 1));
        return React.createElement(Box, { flexDirection: 'column' },
          ...Array.from({ length: ROWS - 1 }, (_, row) => {
            const start = (n * 131 + row * 97) % (FLOOR_TEXT.length - COLUMNS);
            return React.createElement(Text, { key: row }, `${row === 0 ? `key ${n} ` : ''}${FLOOR_TEXT.slice(start, start + COLUMNS - 10)}`);
          }));
      };
      baseline.push(await measureApp((stdout, stdin) => render(React.createElement(Floor), {
        stdout: stdout as unknown as NodeJS.WriteStream, stdin: stdin as unknown as NodeJS.ReadStream, exitOnCtrlC: false, patchConsole: false,
      }), (text) => text.includes('key 0'), keys));
    }
    collectGarbage();
    const memoryAfter = process.memoryUsage();
    const mb = (n: number) => `${(n / 1048576).toFixed(0)} MiB`;
    const allKeys = subject.flatMap((m) => m.keyMs);
    const floorKeys = baseline.flatMap((m) => m.keyMs);
    const first = median(subject.map((m) => m.firstFrameMs));
    const keyMedian = median(allKeys);
    const keyP95 = percentile(allKeys, 95);
    const within = (value: number, budget: number) => (value <= budget ? `within the ${budget} ms budget` : `OVER the ${budget} ms budget`);
    return [
      {
        case: `review: load ${segments} segments (article + state from disk)`,
        subject: 'session.load',
        subjectMs: median(loadMs),
        runs,
        note: `heap ${mb(memoryBefore.heapUsed)}, rss ${mb(memoryBefore.rss)} after load`,
      },
      {
        case: `review: first frame after data load, ${segments} segments, ${COLUMNS}×${ROWS}`,
        subject: 'verso review screen',
        subjectMs: first,
        baseline: 'Ink floor (29 rows of French text)',
        baselineMs: median(baseline.map((m) => m.firstFrameMs)),
        runs,
        note: within(first, 300),
      },
      {
        case: 'review: key → next frame, median',
        subject: 'verso review screen',
        subjectMs: keyMedian,
        baseline: 'Ink floor (29 rows of French text)',
        baselineMs: median(floorKeys),
        runs: allKeys.length,
        note: `${within(keyMedian, 16)}; keys j/k/n/PgDn/G/g`,
      },
      {
        case: 'review: key → next frame, p95',
        subject: 'verso review screen',
        subjectMs: keyP95,
        baseline: 'Ink floor (29 rows of French text)',
        baselineMs: percentile(floorKeys, 95),
        runs: allKeys.length,
        note: `${within(keyP95, 33)}; max ${Math.max(...allKeys).toFixed(1)} ms; heap ${mb(memoryAfter.heapUsed)}, rss ${mb(memoryAfter.rss)} after ${allKeys.length} keys`,
      },
    ];
  },
};
