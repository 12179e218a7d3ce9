/**
 * Dispatching `verso <command> …`: global flags, help, option parsing per command spec. Returns
 * an exit code; `main.ts` is the only place that calls `process.exit`.
 */
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CommandContext, CommandSpec } from './command.js';
import { EXIT } from './command.js';
import { COMMANDS } from './commands/index.js';
import { reportError, UsageError } from './errors.js';

export function versionString(): string {
  const pkgPath = fileURLToPath(new URL('../../package.json', import.meta.url));
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { version: string };
  return pkg.version;
}

export function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'verso — a translation and localization workbench for the terminal',
    '',
    'Usage: verso <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Options:',
    '  -h, --help     show help (also: verso <command> --help)',
    '  -v, --version  print the version',
    '',
    'Exit codes: 0 success, 1 findings (check, status gates), 2 usage or input error.',
    '',
  ].join('\n');
}

export function commandHelp(spec: CommandSpec, summary: string): string {
  const opts = Object.entries(spec.options).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : '    '}--${name}${o.type === 'string' ? ` ${o.value ?? '<value>'}` : ''}`;
    return [flag, o.description] as const;
  });
  opts.push(['-h, --help', 'show this help']);
  const width = Math.max(...opts.map(([f]) => f.length));
  return [
    `Usage: ${spec.usage}`,
    '',
    summary,
    ...(spec.description ? ['', spec.description.trimEnd()] : []),
    '',
    'Options:',
    ...opts.map(([f, d]) => `  ${f.padEnd(width)}  ${d}`),
    '',
  ].join('\n');
}

export type RunEnvironment = Omit<CommandContext, 'args' | 'values'>;

export async function run(argv: string[], env: RunEnvironment): Promise<number> {
  try {
    const [name, ...rest] = argv;
    if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
      const topic = name === 'help' ? rest[0] : undefined;
      const entry = topic ? COMMANDS.find((c) => c.name === topic) : undefined;
      env.stdout.write(entry ? commandHelp(await entry.load(), entry.summary) : mainHelp());
      return name === undefined ? EXIT.usage : EXIT.ok;
    }
    if (name === '-v' || name === '--version' || name === 'version') {
      env.stdout.write(`${versionString()}\n`);
      return EXIT.ok;
    }
    const entry = COMMANDS.find((c) => c.name === name);
    if (!entry) {
      const near = COMMANDS.filter((c) => c.name.startsWith(name.slice(0, 2))).map((c) => c.name);
      throw new UsageError(`unknown command "${name}"${near.length ? ` (did you mean ${near.join(' or ')}?)` : ''}`);
    }
    const spec = await entry.load();
    if (rest.includes('--help') || rest.includes('-h')) {
      env.stdout.write(commandHelp(spec, entry.summary));
      return EXIT.ok;
    }
    let parsed;
    try {
      parsed = parseArgs({
        args: rest,
        options: Object.fromEntries(
          Object.entries(spec.options).map(([k, o]) => [k, { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}) }]),
        ),
        allowPositionals: true,
        strict: true,
      });
    } catch (e) {
      throw new UsageError((e as Error).message.replace(/\. To specify a positional argument.*$/s, ''), spec.name);
    }
    const { min, max } = spec.positionals;
    if (parsed.positionals.length < min) throw new UsageError(`missing argument${min > 1 ? 's' : ''}: ${spec.positionals.names ?? ''}`.trim(), spec.name);
    if (parsed.positionals.length > max) throw new UsageError(`too many arguments: ${parsed.positionals.slice(max).join(' ')}`, spec.name);
    return await spec.run({ ...env, args: parsed.positionals, values: parsed.values as CommandContext['values'] });
  } catch (error) {
    const report = reportError(error);
    env.stderr.write(report.text);
    return report.exitCode;
  }
}
