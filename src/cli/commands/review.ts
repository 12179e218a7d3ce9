import { currentUser } from '../../services/actor.js';
import { resolveArticles, resolveTargetLangs } from '../../services/scope.js';
import { articleStatus, listArticles } from '../../services/status.js';
import { loadArticle } from '../../storage/store.js';
import { createTranslator, resolveUiLanguage } from '../../ui/i18n/index.js';
import { projectSession } from '../../ui/session.js';
import { stringOpt, type CommandSpec } from '../command.js';
import { loadProject } from '../context.js';

/**
 * True when the screen will have no colours or styles (NO_COLOR, FORCE_COLOR=0, a dumb
 * terminal): diffs are then marked `[-…-]{+…+}` and the editor's cursor drawn as a bar, since
 * neither colour nor reverse video would show.
 */
export function colourOff(env: NodeJS.ProcessEnv): boolean {
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return true;
  if (env['FORCE_COLOR'] === '0' || env['FORCE_COLOR'] === 'false') return true;
  return env['TERM'] === 'dumb';
}

export const reviewCommand: CommandSpec = {
  name: 'review',
  usage: 'verso review [article] [--to <lng>]',
  description: [
    'Opens the article (or, without one, a list of articles with their progress) for review in a target',
    'language. Every action is written at once. Press ? inside for the keys. Needs an interactive terminal;',
    'elsewhere use verso diff, verso status, verso edit and verso approve.',
  ].join('\n'),
  options: {
    to: { type: 'string', value: '<lng>', description: 'target language (default: the first configured one)' },
  },
  positionals: { min: 0, max: 1, names: '[article]' },
  async run(ctx) {
    const project = await loadProject(ctx);
    const uiLanguage = resolveUiLanguage(project.config.uiLanguage ?? undefined, ctx.env);
    const t = createTranslator(uiLanguage);
    if (!ctx.stdin.isTTY || !ctx.stdout.isTTY) {
      ctx.stderr.write(`verso: ${t('cli.noTty')}\n`);
      return 2;
    }
    const requested = stringOpt(ctx, 'to');
    const [lang] = resolveTargetLangs(project, requested ? [requested] : undefined);
    const articleId = ctx.args[0];
    if (articleId !== undefined) await resolveArticles(project, [articleId]);
    // React's development build checks every element it creates and is several times slower:
    // the screen runs the production build unless the user asked for something else.
    ctx.env['NODE_ENV'] ??= 'production';
    process.env['NODE_ENV'] ??= ctx.env['NODE_ENV'];
    // Ink decides once, when it is first imported, whether it runs "in CI" (CI or
    // CONTINUOUS_INTEGRATION set) and then renders only the last frame, at exit. Both ends are a
    // terminal here, so a person is at the keyboard whatever the environment says (a CI
    // variable leaks into many shells and tmux sessions): make Ink interactive.
    delete process.env['CI'];
    delete process.env['CONTINUOUS_INTEGRATION'];
    // Ink and React load only here: every other command starts without paying for them.
    const { runReview } = await import('../../ui/run.js');
    await runReview({
      stdin: ctx.stdin as NodeJS.ReadStream,
      stdout: ctx.stdout as NodeJS.WriteStream,
      env: ctx.env,
      signal: ctx.signal,
      t,
      uiLanguage,
      markers: colourOff(ctx.env),
      lang: lang!,
      ...(articleId !== undefined ? { articleId } : {}),
      listArticles: async () => {
        const entries = [];
        for (const id of await listArticles(project)) {
          const article = await loadArticle(project, id);
          const row = await articleStatus(project, article, lang!);
          entries.push({ id, originUrl: article.originUrl, approved: row.counts.approved, total: row.counts.total });
        }
        return entries;
      },
      sessionFor: (id) => projectSession(project, id, currentUser(ctx.env)),
    });
    return 0;
  },
};
