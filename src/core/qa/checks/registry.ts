/**
 * The table of checks: id, default severity and what each one looks for. The `verso check`
 * report, the JSON schema's enum and the documentation all read from here.
 */
import type { CheckId, QaFinding, Severity } from '../types.js';

/**
 * A finding before its severity is decided (defaults, then the project's overrides).
 *
 * `weak`: the check found what it looks for, but in a form that professional translation often
 * produces on purpose (a quotation turned into reported speech, a bracketed aside dropped, a
 * negation paraphrased). Such a finding is reported as `info` whatever the check's severity, so
 * that a reviewer still sees it but it never fails a check or trains people to ignore warnings.
 */
export type Draft = Omit<QaFinding, 'severity'> & { weak?: true };

export interface CheckInfo {
  severity: Severity;
  /** Segment checks see one pair; article checks see every segment of an article in one language. */
  scope: 'segment' | 'article';
  /** What `verso qa checks` prints. A note is a finding reported as `info` whatever the check's severity (see Draft). */
  description: string;
}

export const CHECKS: Record<CheckId, CheckInfo> = {
  blank: { severity: 'error', scope: 'segment', description: 'the translation is empty or only whitespace' },
  untranslated: { severity: 'error', scope: 'segment', description: 'the translation is a copy of the source text' },
  numbers: { severity: 'error', scope: 'segment', description: 'numbers and times, compared as values in each language’s notation (7,5 % = 7.5%), differ' },
  dates: { severity: 'error', scope: 'segment', description: 'months of dates differ (25 juin = June 25 = 25 tháng 6)' },
  urls: { severity: 'error', scope: 'segment', description: 'a URL of the source is not preserved exactly, or the translation adds one' },
  emails: { severity: 'error', scope: 'segment', description: 'an e-mail address of the source is not preserved exactly' },
  placeholders: { severity: 'error', scope: 'segment', description: 'i18next placeholders ({{name}}, $t(key)) differ' },
  quotes: { severity: 'warning', scope: 'segment', description: 'a quotation is unbalanced, after French guillemets are normalised; a different number of quotations (one reported as speech) is a note' },
  'punctuation-spacing': { severity: 'warning', scope: 'segment', description: 'spacing around ; : ! ? and quotes does not follow the target language’s typography' },
  'end-punctuation': { severity: 'warning', scope: 'segment', description: 'the sentence ends differently (. ? ! : …), ignoring closing quotes and French spacing; ! or … toned down to a full stop, or a question made indirect, is a note' },
  brackets: { severity: 'warning', scope: 'segment', description: 'brackets are unbalanced; a different number of them (an aside dropped or added) is a note, an acronym aside is not counted' },
  'whitespace-start': { severity: 'warning', scope: 'segment', description: 'leading whitespace differs from the source' },
  'whitespace-end': { severity: 'warning', scope: 'segment', description: 'trailing whitespace differs from the source' },
  'whitespace-double': { severity: 'warning', scope: 'segment', description: 'two or more spaces in a row' },
  newline: { severity: 'warning', scope: 'segment', description: 'a line break inside a one-paragraph segment' },
  'double-word': { severity: 'warning', scope: 'segment', description: 'the same word twice in a row (Vietnamese reduplication and “nous nous” are allowed)' },
  'length-ratio': { severity: 'warning', scope: 'segment', description: 'the translation is far shorter or longer than usual for the language pair; condensed (down to 30 %) or with a short explanation added, a note' },
  glossary: { severity: 'error', scope: 'segment', description: 'a glossary term of the source is not rendered with the required target term' },
  'do-not-translate': { severity: 'error', scope: 'segment', description: 'a do-not-translate term of the source is missing verbatim from the translation' },
  'inconsistent-name': { severity: 'warning', scope: 'article', description: 'the same name is written differently in different segments of an article' },
  'inconsistent-translation': { severity: 'info', scope: 'article', description: 'identical source paragraphs have different translations' },
  'mt-disagrees': { severity: 'warning', scope: 'segment', description: 'the source and the machine translation agree on a number, name or negation that the approved translation lacks; a negation reworded without the machine’s words around it is a note' },
};
