/**
 * The GitHub Actions workflow in the README, run step by step as a runner would: every `run:`
 * line of the example, for every language of its matrix, in a real project, with `npx verso`
 * standing for this build (a runner gets the same binary from `npm ci`). What CI users rely on:
 * the language that is done passes, the one that is not fails with annotations, the JUnit step
 * does not fail the job on findings but writes valid XML, and the directory the cache step keeps
 * exists and is reused by the next run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUDGET_EN, BUDGET_ORIGINAL } from '../support/budget-article.js';
import { CLI, REPO_ROOT, runCli, tempProject } from '../support/cli.js';

/** The YAML of the README's GitHub Actions example. */
function readmeWorkflow(): string {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### GitHub Actions'));
  const m = /```yaml\n([\s\S]*?)\n```/.exec(section);
  if (!m) throw new Error('no yaml block under "### GitHub Actions" in README.md');
  return m[1]!;
}

interface Step {
  uses?: string;
  run?: string;
  name?: string;
  with: Record<string, string>;
}

/** The steps of the one job, read line by line (the example keeps to `- uses:`/`- run:`/`- name:` items). */
function stepsOf(yaml: string): Step[] {
  const lines = yaml.split('\n');
  const start = lines.findIndex((l) => /^\s+steps:\s*$/.test(l));
  const steps: Step[] = [];
  let inWith = false;
  for (const line of lines.slice(start + 1)) {
    const item = /^\s+- (uses|run|name):\s*(.*)$/.exec(line);
    if (item) {
      steps.push({ [item[1]!]: item[2]!, with: {} });
      inWith = false;
      continue;
    }
    const step = steps.at(-1);
    if (!step) continue;
    const field = /^\s+(uses|run|name|if|with):\s*(.*)$/.exec(line);
    if (field) {
      inWith = field[1] === 'with';
      if (field[1] === 'uses' || field[1] === 'run' || field[1] === 'name') step[field[1]] = field[2]!;
      continue;
    }
    const withField = /^\s+([a-z-]+):\s*(.*)$/.exec(line);
    if (inWith && withField) step.with[withField[1]!] = withField[2]!;
  }
  return steps;
}

function matrixLanguages(yaml: string): string[] {
  const m = /^\s+lang:\s*\[([^\]]*)\]/m.exec(yaml);
  if (!m) throw new Error('no matrix.lang in the README workflow');
  return m[1]!.split(',').map((s) => s.trim());
}

/** Runs one `run:` line with bash, as a runner does, `npx verso` being this build. */
function runStep(command: string, lang: string, cwd: string): { code: number; stdout: string; stderr: string } {
  const script = command.replaceAll('${{ matrix.lang }}', lang).replaceAll('npx verso', `node ${JSON.stringify(CLI)}`);
  const r = spawnSync('bash', ['-e', '-c', script], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', VERSO_USER: 'ci' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}


describe('the GitHub Actions example of the README', () => {
  const yaml = readmeWorkflow();
  const steps = stepsOf(yaml);
  const langs = matrixLanguages(yaml);
  let project: string;

  beforeAll(async () => {
    // The matrix languages as targets: the first one fully approved, the others not started.
    project = await tempProject(langs);
    writeFileSync(join(project, 'budget.txt'), BUDGET_ORIGINAL);
    expect((await runCli(['import', 'budget.txt'], { cwd: project })).code).toBe(0);
    for (const [key, text] of Object.entries(BUDGET_EN)) expect((await runCli(['approve', 'budget', key, '--to', langs[0]!, '--text', text], { cwd: project })).code).toBe(0);
  });

  it('checks out, installs and keeps .verso/cache with actions a runner has', () => {
    expect(steps.map((s) => s.uses ?? s.run)).toEqual(expect.arrayContaining(['actions/checkout@v4', 'actions/setup-node@v4', 'npm ci', 'actions/cache@v4']));
    const cache = steps.find((s) => s.uses === 'actions/cache@v4')!;
    expect(cache.with['path']).toBe('.verso/cache');
    expect(cache.with['key']).toContain('${{ matrix.lang }}');
    expect(langs.length).toBeGreaterThan(1);
  });

  it('passes the language that is done and fails the other with annotations; the JUnit step writes valid XML either way', () => {
    const verso = steps.filter((s) => s.run?.includes('npx verso'));
    expect(verso.length).toBeGreaterThanOrEqual(2);
    for (const [i, lang] of langs.entries()) {
      const [gate, ...rest] = verso.map((s) => runStep(s.run!, lang, project));
      if (i === 0) {
        expect(gate!.code, gate!.stderr).toBe(0);
        expect(gate!.stdout).toMatch(/^verso check passed: 3 segment\(s\)/m);
        expect(gate!.stdout).not.toMatch(/^::error/m);
      } else {
        expect(gate!.code, gate!.stderr).toBe(1);
        expect(gate!.stdout).toMatch(/^::error file=originals\/budget\.txt,line=1,title=[^:]*::/m);
      }
      // The report steps never fail the job on findings (exit 1); they write their file.
      for (const r of rest) expect(r.code, r.stderr).toBe(0);
      const xml = readFileSync(join(project, `verso-${lang}.xml`), 'utf8');
      expect(XMLValidator.validate(xml)).toBe(true);
      expect(xml).toContain(`verso.${lang}`);
    }
    // What the cache step saves after the job, and restores into the next one.
    expect(existsSync(join(project, '.verso', 'cache', 'qa', `${langs[0]}.json`))).toBe(true);
  });

  it('gives the same annotations on the next run, with the cache restored', () => {
    const gate = steps.find((s) => s.run?.includes('--format github'))!;
    const first = runStep(gate.run!, langs[1]!, project);
    const second = runStep(gate.run!, langs[1]!, project);
    expect(second).toEqual(first);
  });
});
