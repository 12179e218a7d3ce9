/**
 * Realistic article text for benchmarks and fault tests, modelled on the bundled article
 * (`shared/seed/000_8c1828b71475e020.txt`): French news paragraphs of one to four sentences
 * (about 100–450 characters), short captions under photos, "Topic : headline" teaser lines, a
 * `Source : <url>` line naming the Vietnamese origin and the site's `Comment (N)` line.
 *
 * French typography is deliberately varied, because real files are: guillemets « » with a plain,
 * no-break (U+00A0) or narrow no-break (U+202F) space inside, the same three choices before
 * ; : ! ?, decimal commas (`3,5 %`), thousands grouped with a narrow no-break space
 * (`150 000`), abbreviations such as `M.` that a sentence splitter must not cut at.
 * Translations are generated too (English, Vietnamese with its stacked diacritics, German), so
 * locale files have realistic sizes and character sets.
 */
import type { Random } from './random.js';
import { phrasebookTranslation } from './phrasebook.js';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

const PEOPLE = [
  'Le porte-parole du Pentagone', 'Le ministre russe de la Défense', 'Le secrétaire américain à la Défense',
  'Le président russe', 'La ministre française des Armées', 'Le Premier ministre vietnamien',
  'Le ministère des Affaires étrangères', 'Le chef de la diplomatie européenne', 'Un haut responsable de l’OTAN',
  'Le gouverneur de la Banque d’État', 'La présidente de la Commission', 'Le porte-parole du Kremlin',
];
const NAMES = ['M. Ryder', 'M. Belousov', 'M. Austin', 'Mme Nguyễn', 'M. Lavrov', 'M. Phạm', 'Mme Trần', 'M. Poutine'];
const VERBS = ['a déclaré que', 'a souligné que', 'a affirmé que', 'a rappelé que', 'a indiqué que', 'a estimé que', 'a averti que'];
const CLAUSES = [
  'les deux parties avaient discuté de nombreux sujets lors de l’appel téléphonique',
  'le risque d’une nouvelle escalade de la situation restait élevé',
  'les livraisons d’armes se poursuivraient malgré les avertissements',
  'les canaux de communication devaient être maintenus en toutes circonstances',
  'la coopération économique avait progressé au cours du dernier trimestre',
  'les négociations reprendraient à Genève dans les prochaines semaines',
  'la croissance des exportations vers l’Union européenne dépassait les prévisions',
  'aucune décision ne serait prise sans l’accord des pays partenaires',
  'le gouvernement envisageait d’augmenter le budget de la défense',
  'les troupes ne seraient pas envoyées dans la région, ni pour le moment ni à l’avenir',
];
const PLACES = ['Hanoï', 'Moscou', 'Washington', 'Kiev', 'Hô Chi Minh-Ville', 'Bruxelles', 'Genève', 'la Crimée', 'Đà Nẵng'];
const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const TOPICS = ['Point de conflit', 'Économie', 'Diplomatie', 'Analyse', 'Vu de Hanoï', 'En bref'];
const QUOTES = [
  'Nous ne commenterons pas les informations faisant état de discussions internes',
  'La situation est absolument claire pour nous',
  'Il n’y aura pas de troupes sur le terrain',
  'Le dialogue reste la seule voie possible',
  'Ce sont des chiffres que personne n’attendait',
];

/** The space a French writer (or their software) put before high punctuation or inside « ». */
function frenchSpace(rng: Random): string {
  const r = rng.next();
  return r < 0.5 ? ' ' : r < 0.75 ? NBSP : NNBSP;
}

function decimal(rng: Random): string {
  return `${rng.int(0, 99)},${rng.int(1, 9)}${NBSP}%`;
}

function thousands(rng: Random): string {
  return `${rng.int(1, 999)}${NNBSP}${String(rng.int(0, 999)).padStart(3, '0')}`;
}

function frenchSentence(rng: Random): string {
  const sp = frenchSpace(rng);
  switch (rng.int(0, 5)) {
    case 0:
      return `${rng.pick(PEOPLE)}, ${rng.pick(NAMES)}, ${rng.pick(VERBS)} ${rng.pick(CLAUSES)}.`;
    case 1:
      return `Selon Reuters, ${rng.pick(CLAUSES)} le ${rng.int(1, 28)} ${rng.pick(MONTHS)} à ${rng.pick(PLACES)}.`;
    case 2:
      return `«${sp}${rng.pick(QUOTES)}${sp}», a déclaré ${rng.pick(NAMES)} dans un communiqué.`;
    case 3:
      return `Le taux a atteint ${decimal(rng)} en ${rng.pick(MONTHS)}, soit ${thousands(rng)} personnes concernées${sp};${' '}${rng.pick(CLAUSES)}.`;
    case 4:
      return `Pourquoi maintenant${sp}? ${rng.pick(PEOPLE)} ${rng.pick(VERBS)} ${rng.pick(CLAUSES)}.`;
    default: {
      // Two different places: one place accusing itself reads as a doubled word once German puts
      // them side by side (`warf Genf Genf vor`), and QA rightly flags that.
      const accuser = rng.pick(PLACES);
      const accused = rng.pick(PLACES.filter((p) => p !== accuser));
      return `Au cours du week-end, ${accuser} a accusé ${accused} d’être responsable de l’attaque${sp}: ${rng.pick(CLAUSES)}${sp}!`;
    }
  }
}

/** A running paragraph: one to four sentences. */
export function frenchParagraph(rng: Random): string {
  const n = rng.pick([1, 2, 2, 3, 3, 4]);
  return Array.from({ length: n }, () => frenchSentence(rng)).join(' ');
}

/** A photo caption: a few words, no final punctuation. */
export function frenchCaption(rng: Random): string {
  return `${rng.pick(PEOPLE)} ${rng.pick(NAMES).replace(/^(M\.|Mme) /, '')}`;
}

/** A related-article teaser: `Topic : headline`, no final punctuation. */
export function frenchTeaser(rng: Random): string {
  const sp = frenchSpace(rng);
  return `${rng.pick(TOPICS)}${sp}: ${rng.pick(PLACES)} change à nouveau de cap${sp}; ${rng.pick(PLACES)} perd son «${sp}œil dans le ciel${sp}»`;
}

/** What each line of a generated original is; counted so a caller knows how many segments to expect. */
export interface GeneratedOriginal {
  /** The file as received: paragraphs, then the source line and the comment counter. */
  text: string;
  /** Lines that become segments. */
  paragraphs: string[];
  originUrl: string;
}

/**
 * An article as received, with exactly `segments` segment lines. Lines are unique within the
 * article (real articles do not repeat a paragraph, and duplicates would make re-import matching
 * ambiguous in a way no benchmark is about).
 */
export function generateOriginal(rng: Random, segments: number, seen: Set<string> = new Set()): GeneratedOriginal {
  const paragraphs: string[] = [];
  while (paragraphs.length < segments) {
    const r = rng.next();
    // The seed's mix: mostly paragraphs, a caption after some, a teaser now and then.
    const line = paragraphs.length === 0 || r < 0.78 ? frenchParagraph(rng) : r < 0.92 ? frenchCaption(rng) : frenchTeaser(rng);
    if (seen.has(line)) continue;
    seen.add(line);
    paragraphs.push(line);
  }
  const slug = ['bo-truong', 'quoc-phong', 'canh-bao', 'nguy-co', 'leo-thang', 'kinh-te', 'xuat-khau'].filter(() => rng.chance(0.6)).join('-') || 'tin-tuc';
  const originUrl = `https://thanhnien.vn/${slug}-${rng.int(100000, 999999)}${rng.int(100000000, 999999999)}.htm`;
  const text = `${paragraphs.join('\n')}\nSource : ${originUrl}\nComment (${rng.int(0, 40)})`;
  return { text, paragraphs, originUrl };
}

const EN = [
  'The Pentagon spokesman said the two sides had discussed many topics during the phone call.',
  'The risk of a further escalation of the situation remained high, the ministry warned.',
  'Exports to the European Union grew by 3.5% in the last quarter.',
  '“The dialogue remains the only possible way,” the minister said in a statement.',
  'Negotiations will resume in Geneva in the coming weeks.',
  'No decision will be taken without the agreement of partner countries.',
];
const VI = [
  'Người phát ngôn Lầu Năm Góc cho biết hai bên đã thảo luận nhiều chủ đề trong cuộc điện đàm.',
  'Bộ trưởng Quốc phòng Nga cảnh báo Mỹ về nguy cơ leo thang tại Ukraine.',
  'Xuất khẩu sang Liên minh châu Âu tăng 3,5% trong quý vừa qua.',
  '“Đối thoại vẫn là con đường duy nhất”, ông nhấn mạnh trong một thông cáo.',
  'Các cuộc đàm phán sẽ được nối lại tại Genève trong những tuần tới.',
  'Không có quyết định nào được đưa ra nếu không có sự đồng ý của các nước đối tác.',
];
const DE = [
  'Der Sprecher des Pentagons sagte, beide Seiten hätten viele Themen besprochen.',
  'Das Risiko einer weiteren Eskalation bleibe hoch, warnte das Ministerium.',
  'Die Exporte in die Europäische Union stiegen im letzten Quartal um 3,5 %.',
  '„Der Dialog bleibt der einzige Weg“, sagte der Minister in einer Erklärung.',
  'Die Verhandlungen werden in den kommenden Wochen in Genf fortgesetzt.',
  'Ohne die Zustimmung der Partnerländer wird keine Entscheidung getroffen.',
];
const POOLS: Record<string, readonly string[]> = { en: EN, vi: VI, de: DE };

/**
 * A stand-in human or machine translation of `source` into `lang`, of a similar length, in the
 * target's script and typography. Languages without a pool get English sentences.
 */
export function translationOf(rng: Random, source: string, lang: string): string {
  // The generator's own French is translated phrase by phrase, as a translator would (same
  // numbers, names and links); a language without a phrasebook gets sentences of the right length.
  const translated = phrasebookTranslation(rng, source, lang);
  if (translated !== null) return translated;
  const pool = POOLS[lang] ?? EN;
  const out: string[] = [];
  let length = 0;
  const target = Math.max(20, Math.round(source.length * (lang === 'vi' ? 1.05 : 0.95)));
  while (length < target) {
    const s = rng.pick(pool);
    out.push(s);
    length += s.length + 1;
  }
  return out.join(' ');
}
