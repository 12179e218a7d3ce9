/** `verso segment <file>`: how a file would be split, without importing it. */
import type { SegmentKind } from '../core/model.js';
import type { VersoConfig } from '../core/config/config.js';
import { parseOriginal, type DroppedLine } from '../core/segment/parse-original.js';
import { splitSentences } from '../core/segment/sentences.js';
import { sentenceRulesFor } from '../core/segment/sentence-rules.js';
import { readTextFile } from '../storage/atomic.js';
import { UserError } from './errors.js';
import { compileBoilerplate, MAX_ORIGINAL_BYTES } from './import.js';

export interface SegmentPreview {
  file: string;
  originUrl: string | null;
  segments: { index: number; line: number; kind: SegmentKind; text: string; sentences: string[] }[];
  dropped: DroppedLine[];
}

export async function previewSegments(file: string, config: VersoConfig, lang = config.sourceLang): Promise<SegmentPreview> {
  const raw = await readTextFile(file, file, MAX_ORIGINAL_BYTES);
  if (raw.trim() === '') throw new UserError('the file is empty', { file });
  const original = parseOriginal(raw, compileBoilerplate(config.boilerplate));
  const rules = sentenceRulesFor(lang);
  return {
    file,
    originUrl: original.originUrl,
    dropped: original.dropped,
    segments: original.paragraphs.map((p, i) => ({
      index: i + 1,
      line: p.line,
      kind: p.kind,
      text: p.text,
      sentences: splitSentences(p.text, rules).map((s) => p.text.slice(s.start, s.end)),
    })),
  };
}
