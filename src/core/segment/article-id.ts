/**
 * Article ids name files (`originals/<id>.txt`, `locales/<lng>/<id>.json`), so they must be
 * safe on every filesystem and unable to leave the project: lower-case ASCII letters, digits,
 * `_` and `-`, starting with a letter or digit, at most 80 characters.
 */
const ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,79}$/;

export function isValidArticleId(id: string): boolean {
  return ID_PATTERN.test(id);
}

/**
 * Derives an id from a file name, deterministically: the base name without extension, folded
 * to ASCII (diacritics removed), other characters turned into `-`. Returns null when nothing
 * usable is left (then the caller asks for `--id`).
 */
export function articleIdFromFileName(fileName: string): string | null {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const stem = base.replace(/\.[^.]*$/, '');
  const folded = stem
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^[-_]+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
  return isValidArticleId(folded) ? folded : null;
}
