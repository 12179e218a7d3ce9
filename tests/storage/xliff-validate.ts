/**
 * Validates XML text against the official schemas in `shared/reference/schemas` (beside the
 * clone) with xmllint (Debian package libxml2-utils). No network: `--nonet` plus the bundled
 * catalog that maps XLIFF 1.2's remote `xml.xsd` import to the local copy.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const schemasDir = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..', 'shared', 'reference', 'schemas');

export type SchemaKind = 'xliff-1.2' | 'xliff-2.1' | 'tmx';

export interface Validation {
  ok: boolean;
  output: string;
}

/** Runs xmllint; `ok` is false with xmllint's messages when the document is invalid. */
export function validateXml(text: string, kind: SchemaKind): Validation {
  const dir = mkdtempSync(join(tmpdir(), 'verso-xmllint-'));
  const file = join(dir, kind === 'tmx' ? 'doc.tmx' : 'doc.xlf');
  writeFileSync(file, text);
  const args =
    kind === 'tmx'
      ? ['--noout', '--nonet', '--dtdvalid', join(schemasDir, 'tmx', 'tmx14.dtd'), file]
      : kind === 'xliff-1.2'
        ? ['--noout', '--nonet', '--schema', join(schemasDir, 'xliff-1.2', 'xliff-core-1.2-strict.xsd'), file]
        : ['--noout', '--nonet', '--schema', join(schemasDir, 'xliff-2.1', 'xliff_core_2.0.xsd'), file];
  try {
    const output = execFileSync('xmllint', args, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, XML_CATALOG_FILES: join(schemasDir, 'catalog.xml') },
    });
    return { ok: true, output };
  } catch (error) {
    const e = error as { code?: string; stderr?: string; stdout?: string };
    if (e.code === 'ENOENT') {
      throw new Error('xmllint is not installed: apt-get install -y libxml2-utils (Debian/Ubuntu)');
    }
    return { ok: false, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
