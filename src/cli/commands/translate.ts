/**
 * `verso translate [article…] --to <lng,…>`: batch machine translation into the review state.
 * Parses flags, picks the engine, shows progress (a bar on a terminal, plain lines otherwise,
 * both on stderr), prints the summary or JSON on stdout, and turns a stop into an exit code:
 * 0 done, 1 stopped by an engine or write failure, 2 bad input or a refused key, 130 Ctrl-C
 * (129 a closed terminal, 143 SIGTERM).
 */
import { translateProject, type TranslateProgress, type TranslateReport } from '../../services/translate.js';
import { selectEngine, type EngineChoice } from '../../services/translate-engine.js';
import { parseShard, type ContextMode, type OnlyFilter } from '../../services/translate-plan.js';
import { sanitizeLine } from '../../core/text/sanitize.js';
import { boolOpt, listOpt, stringOpt, writeJson, type CommandContext, type CommandSpec } from '../command.js';
import { loadProject } from '../context.js';
import { UsageError } from '../errors.js';
import { exitCodeForAbort } from '../signals.js';

const ONLY: readonly OnlyFilter[] = ['missing', 'untranslated', 'stale', 'all'];
const ENGINES: readonly EngineChoice[] = ['auto', 'deepl', 'memory'];
const CONTEXTS: readonly ContextMode[] = ['article', 'neighbours'];

const n = (x: number) => x.toLocaleString('en-US');

function oneOf<T extends string>(ctx: CommandContext, name: string, values: readonly T[]): T | undefined {
  const v = stringOpt(ctx, name);
  if (v === undefined) return undefined;
  if (!(values as readonly string[]).includes(v)) throw new UsageError(`--${name} must be one of ${values.join(', ')} (got "${v}")`, 'translate');
  return v as T;
}

function positiveInt(text: string | undefined, name: string, max: number): number | undefined {
  if (text === undefined) return undefined;
  const v = Number(text);
  if (!Number.isInteger(v) || v < 1 || v > max) throw new UsageError(`--${name} must be a whole number from 1 to ${max} (got "${text}")`, 'translate');
  return v;
}

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '–';
  const s = Math.max(0, Math.round(seconds));
  const m = Math.floor(s / 60);
  return m >= 60 ? `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}` : `${m}:${String(s % 60).padStart(2, '0')}`;
}

/** Progress on stderr: a redrawn bar on a terminal, a plain line every few seconds otherwise. */
export function progressReporter(ctx: Pick<CommandContext, 'stderr'>, options: { quiet: boolean; now?: () => number }) {
  const now = options.now ?? (() => performance.now());
  const tty = ctx.stderr.isTTY === true;
  const started = now();
  let lastDraw = -Infinity;
  let lastPlain = started;
  let lastPlainPct = 0;
  let drawn = false;
  let latest: TranslateProgress | null = null;

  const line = (p: TranslateProgress) => {
    const elapsed = (now() - started) / 1000;
    const rate = elapsed > 0 ? p.done / elapsed : 0;
    const eta = rate > 0 ? (p.total - p.done) / rate : Infinity;
    const pct = p.total === 0 ? 100 : Math.floor((100 * p.done) / p.total);
    const stats = `${n(p.done)}/${n(p.total)} segments · ${n(p.characters)} chars · ${n(p.billedCharacters)} billed · ${rate.toFixed(1)}/s · ETA ${duration(eta)}`;
    if (!tty) return `translate: ${sanitizeLine(p.lang)} ${pct}% ${stats}`;
    const width = Math.max(10, Math.min(30, (ctx.stderr.columns ?? 80) - stats.length - 12));
    const filled = Math.round((width * pct) / 100);
    return sanitizeLine(`${p.lang} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${pct}% ${stats}`).slice(0, (ctx.stderr.columns ?? 80) - 1);
  };

  return {
    update(p: TranslateProgress) {
      latest = p;
      if (options.quiet && !tty) return;
      const t = now();
      if (tty) {
        if (t - lastDraw < 100 && p.done < p.total) return;
        lastDraw = t;
        ctx.stderr.write(`\r\u001b[2K${line(p)}`);
        drawn = true;
        return;
      }
      const pct = p.total === 0 ? 100 : (100 * p.done) / p.total;
      if (t - lastPlain >= 2000 || pct - lastPlainPct >= 10 || (p.done === p.total && lastPlainPct < 100)) {
        lastPlain = t;
        lastPlainPct = pct;
        ctx.stderr.write(`${line(p)}\n`);
      }
    },
    /** Removes the bar (the summary replaces it). */
    end() {
      if (tty && drawn) ctx.stderr.write('\r\u001b[2K');
      return latest;
    },
  };
}

function summary(report: TranslateReport, threshold: number): string {
  const out: string[] = [];
  for (const r of report.langs) {
    const lang = sanitizeLine(r.lang);
    if (report.dryRun) {
      const send = r.wouldSend ?? { segments: 0, characters: 0 };
      out.push(`${lang}: ${n(r.selected)} segments need a candidate; ${n(r.fromCache)} from the cache; ${n(send.segments)} would be sent${report.engine === 'memory' ? ' to the translation memory (free)' : `, ${n(send.characters)} characters billed`}`);
      continue;
    }
    const parts = [`${n(r.translated)} from ${report.engine}`, `${n(r.fromCache)} from the cache`];
    if (r.notTranslated > 0) parts.push(report.engine === 'memory' ? `${n(r.notTranslated)} without a match of at least ${threshold} %` : `${n(r.notTranslated)} not translated`);
    if (r.remaining > 0) parts.push(`${n(r.remaining)} remaining`);
    out.push(`${lang}: ${n(r.selected)} segments — ${parts.join(', ')}; ${n(r.billedCharacters)} characters billed`);
  }
  if (report.dryRun) {
    const chars = report.langs.reduce((s, r) => s + (r.wouldSend?.characters ?? 0), 0);
    if (report.engine !== 'memory') out.push(`Total: ${n(chars)} characters would be billed. Nothing was sent.`);
    else out.push('Nothing was written (dry run).');
    if (report.usage) {
      const { characterCount, characterLimit } = report.usage;
      if (characterLimit !== null) {
        const left = characterLimit - characterCount;
        out.push(`DeepL usage this period: ${n(characterCount)} of ${n(characterLimit)} characters; ${n(Math.max(0, left))} remaining${chars > left ? ' — NOT enough for this run' : ''}.`);
      }
    } else if (report.usageError) out.push(`DeepL usage: unavailable (${sanitizeLine(report.usageError)})`);
  } else if (report.totals.selected === 0) {
    out.push('Nothing to translate: every selected segment already has a candidate from this engine (use --only all to redo them).');
  }
  return `${out.join('\n')}\n`;
}

export const translateCommand: CommandSpec = {
  name: 'translate',
  usage: 'verso translate [article…] [--to <lng,…>] [--engine auto|deepl|memory] [--dry-run] [--only missing|untranslated|stale|all] [--context article|neighbours] [--concurrency N] [--shard i/n] [--json]',
  description: [
    'Results become machine candidates beside each segment; a reviewer approves them.',
    'Engines: deepl (needs DEEPL_AUTH_KEY; DEEPL_SERVER_URL or deepl.serverUrl in the config sets the server)',
    'and memory (fuzzy matches from approved translations; the default without a key).',
    'Results are cached (.verso/cache/mt): running again bills nothing for text already translated.',
    'Ctrl-C stops after the requests in flight (twice: at once); run the same command again to continue.',
    '',
    'Examples:',
    '  verso translate --to en,vi --dry-run',
    '  verso translate --to en --shard 2/4        # one of four CI runners',
  ].join('\n'),
  options: {
    to: { type: 'string', multiple: true, value: '<lng,…>', description: 'target languages (default: all configured)' },
    engine: { type: 'string', value: 'auto|deepl|memory', description: 'engine (default: the config\'s, auto = deepl with a key, else memory)' },
    'dry-run': { type: 'boolean', description: 'count the segments and characters that would be billed, and show the account\'s remaining quota' },
    only: { type: 'string', value: 'missing|untranslated|stale|all', description: 'segments to translate (default missing: no current candidate from this engine)' },
    context: { type: 'string', value: 'article|neighbours', description: 'context sent with each paragraph (default: the config\'s, article = headline and lead)' },
    concurrency: { type: 'string', value: '<n>', description: 'requests in flight at once (default 4)' },
    shard: { type: 'string', value: '<i/n>', description: 'only the i-th of n disjoint shares of the articles (for parallel CI runners)' },
    json: { type: 'boolean', description: 'print the report as JSON' },
  },
  positionals: { min: 0, max: Number.MAX_SAFE_INTEGER, names: '[article…]' },
  async run(ctx) {
    const only = oneOf(ctx, 'only', ONLY);
    const engineChoice = oneOf(ctx, 'engine', ENGINES) ?? 'auto';
    const context = oneOf(ctx, 'context', CONTEXTS);
    const concurrency = positiveInt(stringOpt(ctx, 'concurrency'), 'concurrency', 64);
    const shardText = stringOpt(ctx, 'shard');
    const shard = shardText === undefined ? undefined : parseShard(shardText);
    if (typeof shard === 'string') throw new UsageError(shard, 'translate');
    const json = boolOpt(ctx, 'json');
    const dryRun = boolOpt(ctx, 'dry-run');

    const project = await loadProject(ctx);
    const env = ctx.env;
    const { engine, reason } = await selectEngine(
      project,
      engineChoice,
      { ...(env['DEEPL_AUTH_KEY'] ? { DEEPL_AUTH_KEY: env['DEEPL_AUTH_KEY'] } : {}), ...(env['DEEPL_SERVER_URL'] ? { DEEPL_SERVER_URL: env['DEEPL_SERVER_URL'] } : {}) },
      {
        // Tuning for tests and slow links; not advertised in --help.
        ...(env['VERSO_DEEPL_MAX_ATTEMPTS'] ? { maxAttempts: positiveInt(env['VERSO_DEEPL_MAX_ATTEMPTS'], 'VERSO_DEEPL_MAX_ATTEMPTS', 20)! } : {}),
        ...(env['VERSO_DEEPL_TIMEOUT_MS'] ? { requestTimeoutMs: positiveInt(env['VERSO_DEEPL_TIMEOUT_MS'], 'VERSO_DEEPL_TIMEOUT_MS', 600_000)! } : {}),
      },
    );
    if (!json) ctx.stderr.write(`verso: ${sanitizeLine(reason)}\n`);

    const progress = progressReporter(ctx, { quiet: json });
    let report: TranslateReport;
    try {
      report = await translateProject(project, {
        engine,
        articles: ctx.args,
        langs: listOpt(ctx, 'to'),
        ...(only ? { only } : {}),
        ...(context ? { context } : {}),
        ...(shard ? { shard } : {}),
        ...(concurrency ? { concurrency } : {}),
        dryRun,
        signal: ctx.signal,
        onProgress: (p) => progress.update(p),
      });
    } finally {
      progress.end();
    }

    if (json) writeJson(ctx, report);
    else ctx.stdout.write(summary(report, project.config.memory.threshold));

    const stopped = report.stopped;
    if (!stopped) return 0;
    // Also with --json: stdout carries the report, stderr tells the person watching.
    {
      const kept = report.totals.translated + report.totals.fromCache;
      ctx.stderr.write(
        `verso: stopped: ${sanitizeLine(stopped.message)}\n` +
          (stopped.hint ? `  next: ${sanitizeLine(stopped.hint)}\n` : '') +
          `  kept: ${n(kept)} segment${kept === 1 ? '' : 's'} saved; ${n(report.totals.remaining)} remain — run the same command again to continue.\n`,
      );
    }
    if (stopped.kind === 'cancelled') return exitCodeForAbort(ctx.signal);
    if (stopped.kind === 'auth' || stopped.kind === 'bad-request') return 2;
    return 1;
  },
};
