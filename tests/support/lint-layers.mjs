#!/usr/bin/env node
// Holds the architecture's dependency rule (ARCHITECTURE.md): imports point inwards.
//   core     -> core only, and no node: built-ins that do I/O (fs, net, child_process, process)
//   storage  -> core, storage
//   engines  -> core, engines
//   services -> core, storage, engines, services
//   cli, ui  -> anything but each other's internals is fine; nothing imports cli
// Prints every violation as file:line and exits 1 when there is one.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, dirname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const src = join(root, 'src');
const allowed = {
  core: ['core'],
  storage: ['core', 'storage'],
  engines: ['core', 'engines'],
  services: ['core', 'storage', 'engines', 'services'],
  ui: ['core', 'storage', 'engines', 'services', 'ui'],
  cli: ['core', 'storage', 'engines', 'services', 'ui', 'cli'],
  bench: ['core', 'storage', 'engines', 'services', 'ui', 'cli', 'bench'],
};
const bannedInCore = /^(node:)?(fs|fs\/promises|net|http|https|child_process|worker_threads|dgram|tls)$/;

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

const problems = [];
for (const file of walk(src)) {
  const layer = relative(src, file).split(sep)[0];
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.forEach((line, i) => {
    const m = /^\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]/.exec(line) ?? /^\s*import\s*['"]([^'"]+)['"]/.exec(line);
    if (!m) return;
    const spec = m[1];
    const where = `${relative(root, file)}:${i + 1}`;
    if (spec.startsWith('.')) {
      const target = relative(src, resolve(dirname(file), spec)).split(sep)[0];
      const ok = allowed[layer];
      if (ok && !ok.includes(target)) problems.push(`${where}: ${layer}/ may not import ${target}/ (${spec})`);
    } else if (layer === 'core' && bannedInCore.test(spec)) {
      problems.push(`${where}: core/ is pure and may not import ${spec}`);
    } else if (layer === 'core' && /\bprocess\./.test(line)) {
      problems.push(`${where}: core/ may not touch process`);
    }
  });
  if (layer === 'core') {
    lines.forEach((line, i) => {
      if (/\bprocess\.(env|argv|exit|stdout|stderr|cwd)\b/.test(line)) problems.push(`${relative(root, file)}:${i + 1}: core/ may not touch process`);
    });
  }
}
if (problems.length) {
  console.error(problems.join('\n'));
  console.error(`lint: ${problems.length} layer violation(s)`);
  process.exit(1);
}
console.log('lint: layers ok');
