/**
 * Translations of the generator's French (`text.ts`) into English, Vietnamese and German, the
 * way a translator would write them: every phrase the generator uses has a rendering, sentence
 * patterns are reordered where the target language orders them differently (dates, reported
 * speech), numbers keep their value in the target's notation (3,5 % → 3.5%, 150 000 → 150,000),
 * names and URLs are carried over, quotation marks and the space before ; : ! ? follow the
 * target's typography. So a generated project's approved translations look like real ones: QA
 * finds in them what it would find in a real project, not a mismatch in every segment.
 *
 * Only text the generator itself produces is translated; anything else is left as it is.
 */
import type { Random } from './random.js';

type Lang = 'en' | 'vi' | 'de';
/** French phrase → renderings per language (several: a translator's choice, picked at random). */
type Phrases = Record<string, Record<Lang, string[]>>;

const PHRASES: Phrases = {
  // People (sentence subjects and captions).
  'Le porte-parole du Pentagone': { en: ['The Pentagon spokesman'], vi: ['Người phát ngôn Lầu Năm Góc'], de: ['Der Sprecher des Pentagons'] },
  'Le ministre russe de la Défense': { en: ['The Russian defence minister'], vi: ['Bộ trưởng Quốc phòng Nga'], de: ['Der russische Verteidigungsminister'] },
  'Le secrétaire américain à la Défense': { en: ['The US defense secretary'], vi: ['Bộ trưởng Quốc phòng Mỹ'], de: ['Der US-Verteidigungsminister'] },
  'Le président russe': { en: ['The Russian president'], vi: ['Tổng thống Nga'], de: ['Der russische Präsident'] },
  'La ministre française des Armées': { en: ['The French armed forces minister'], vi: ['Bộ trưởng Quân đội Pháp'], de: ['Die französische Verteidigungsministerin'] },
  'Le Premier ministre vietnamien': { en: ['The Vietnamese prime minister'], vi: ['Thủ tướng Việt Nam'], de: ['Der vietnamesische Premierminister'] },
  'Le ministère des Affaires étrangères': { en: ['The foreign ministry'], vi: ['Bộ Ngoại giao'], de: ['Das Außenministerium'] },
  'Le chef de la diplomatie européenne': { en: ['The EU foreign policy chief'], vi: ['Người đứng đầu ngành ngoại giao châu Âu'], de: ['Der EU-Außenbeauftragte'] },
  'Un haut responsable de l’OTAN': { en: ['A senior NATO official'], vi: ['Một quan chức cấp cao của NATO'], de: ['Ein hochrangiger NATO-Vertreter'] },
  'Le gouverneur de la Banque d’État': { en: ['The governor of the State Bank'], vi: ['Thống đốc Ngân hàng Nhà nước'], de: ['Der Gouverneur der Staatsbank'] },
  'La présidente de la Commission': { en: ['The Commission president'], vi: ['Chủ tịch Ủy ban'], de: ['Die Kommissionspräsidentin'] },
  'Le porte-parole du Kremlin': { en: ['The Kremlin spokesman'], vi: ['Người phát ngôn Điện Kremlin'], de: ['Der Kremlsprecher'] },
  // Reporting verbs (German puts the verb of the clause last after "dass").
  'a déclaré que': { en: ['said that', 'stated that'], vi: ['cho biết', 'tuyên bố rằng'], de: ['sagte, dass', 'erklärte, dass'] },
  'a souligné que': { en: ['stressed that', 'emphasised that'], vi: ['nhấn mạnh rằng'], de: ['betonte, dass', 'unterstrich, dass'] },
  'a affirmé que': { en: ['asserted that', 'affirmed that'], vi: ['khẳng định rằng'], de: ['versicherte, dass', 'bekräftigte, dass'] },
  'a rappelé que': { en: ['recalled that', 'pointed out that'], vi: ['nhắc lại rằng'], de: ['erinnerte daran, dass'] },
  'a indiqué que': { en: ['indicated that', 'said that'], vi: ['cho biết rằng', 'cho hay'], de: ['gab an, dass', 'teilte mit, dass'] },
  'a estimé que': { en: ['believed that', 'considered that'], vi: ['cho rằng', 'đánh giá rằng'], de: ['meinte, dass', 'war der Ansicht, dass'] },
  'a averti que': { en: ['warned that'], vi: ['cảnh báo rằng'], de: ['warnte, dass'] },
  // Clauses.
  'les deux parties avaient discuté de nombreux sujets lors de l’appel téléphonique': { en: ['the two sides had discussed many topics during the phone call'], vi: ['hai bên đã thảo luận nhiều chủ đề trong cuộc điện đàm'], de: ['beide Seiten während des Telefonats viele Themen besprochen hätten'] },
  'le risque d’une nouvelle escalade de la situation restait élevé': { en: ['the risk of a further escalation of the situation remained high'], vi: ['nguy cơ leo thang mới của tình hình vẫn ở mức cao'], de: ['das Risiko einer weiteren Eskalation der Lage hoch bleibe'] },
  'les livraisons d’armes se poursuivraient malgré les avertissements': { en: ['arms deliveries would continue despite the warnings'], vi: ['việc chuyển giao vũ khí sẽ tiếp tục bất chấp các cảnh báo'], de: ['die Waffenlieferungen trotz der Warnungen fortgesetzt würden'] },
  'les canaux de communication devaient être maintenus en toutes circonstances': { en: ['the channels of communication had to be kept open in all circumstances'], vi: ['các kênh liên lạc phải được duy trì trong mọi hoàn cảnh'], de: ['die Kommunikationskanäle unter allen Umständen offen bleiben müssten'] },
  'la coopération économique avait progressé au cours du dernier trimestre': { en: ['economic cooperation had made progress over the last quarter'], vi: ['hợp tác kinh tế đã tiến triển trong quý vừa qua'], de: ['die wirtschaftliche Zusammenarbeit im letzten Quartal vorangekommen sei'] },
  'les négociations reprendraient à Genève dans les prochaines semaines': { en: ['negotiations would resume in Geneva in the coming weeks'], vi: ['các cuộc đàm phán sẽ được nối lại tại Genève trong những tuần tới'], de: ['die Verhandlungen in den kommenden Wochen in Genf wieder aufgenommen würden'] },
  'la croissance des exportations vers l’Union européenne dépassait les prévisions': { en: ['export growth to the European Union was beating forecasts'], vi: ['tăng trưởng xuất khẩu sang Liên minh châu Âu vượt dự báo'], de: ['das Exportwachstum in die Europäische Union die Prognosen übertreffe'] },
  'aucune décision ne serait prise sans l’accord des pays partenaires': { en: ['no decision would be taken without the agreement of the partner countries'], vi: ['sẽ không có quyết định nào được đưa ra nếu không có sự đồng ý của các nước đối tác'], de: ['keine Entscheidung ohne die Zustimmung der Partnerländer getroffen werde'] },
  'le gouvernement envisageait d’augmenter le budget de la défense': { en: ['the government was considering raising the defence budget'], vi: ['chính phủ đang cân nhắc tăng ngân sách quốc phòng'], de: ['die Regierung erwäge, den Verteidigungshaushalt zu erhöhen'] },
  'les troupes ne seraient pas envoyées dans la région, ni pour le moment ni à l’avenir': { en: ['troops would not be sent to the region, neither now nor in the future'], vi: ['quân đội sẽ không được điều đến khu vực, cả hiện tại lẫn trong tương lai'], de: ['weder jetzt noch in Zukunft Truppen in die Region entsandt würden'] },
  // Places.
  'Hô Chi Minh-Ville': { en: ['Ho Chi Minh City'], vi: ['Thành phố Hồ Chí Minh'], de: ['Ho-Chi-Minh-Stadt'] },
  'Hanoï': { en: ['Hanoi'], vi: ['Hà Nội'], de: ['Hanoi'] },
  'Moscou': { en: ['Moscow'], vi: ['Moskva'], de: ['Moskau'] },
  'Washington': { en: ['Washington'], vi: ['Washington'], de: ['Washington'] },
  'Kiev': { en: ['Kyiv'], vi: ['Kiev'], de: ['Kiew'] },
  'Bruxelles': { en: ['Brussels'], vi: ['Brussels'], de: ['Brüssel'] },
  'Genève': { en: ['Geneva'], vi: ['Genève'], de: ['Genf'] },
  'la Crimée': { en: ['Crimea'], vi: ['Crimea'], de: ['die Krim'] },
  'Đà Nẵng': { en: ['Da Nang'], vi: ['Đà Nẵng'], de: ['Da Nang'] },
  // Topics of teaser lines.
  'Point de conflit': { en: ['Flashpoint'], vi: ['Điểm nóng'], de: ['Brennpunkt'] },
  'Économie': { en: ['Economy'], vi: ['Kinh tế'], de: ['Wirtschaft'] },
  'Diplomatie': { en: ['Diplomacy'], vi: ['Ngoại giao'], de: ['Diplomatie'] },
  'Analyse': { en: ['Analysis'], vi: ['Phân tích'], de: ['Analyse'] },
  'Vu de Hanoï': { en: ['Seen from Hanoi'], vi: ['Nhìn từ Hà Nội'], de: ['Aus Hanoi gesehen'] },
  'En bref': { en: ['In brief'], vi: ['Tin vắn'], de: ['Kurz notiert'] },
  // Quotations.
  'Nous ne commenterons pas les informations faisant état de discussions internes': { en: ['We will not comment on reports of internal discussions'], vi: ['Chúng tôi sẽ không bình luận về các thông tin về những cuộc thảo luận nội bộ'], de: ['Wir werden Berichte über interne Gespräche nicht kommentieren'] },
  'La situation est absolument claire pour nous': { en: ['The situation is absolutely clear to us'], vi: ['Tình hình hoàn toàn rõ ràng đối với chúng tôi'], de: ['Die Lage ist für uns völlig klar'] },
  'Il n’y aura pas de troupes sur le terrain': { en: ['There will be no troops on the ground'], vi: ['Sẽ không có quân đội trên thực địa'], de: ['Es wird keine Bodentruppen geben'] },
  'Le dialogue reste la seule voie possible': { en: ['Dialogue remains the only possible way'], vi: ['Đối thoại vẫn là con đường duy nhất'], de: ['Der Dialog bleibt der einzige mögliche Weg'] },
  'Ce sont des chiffres que personne n’attendait': { en: ['These are figures nobody expected'], vi: ['Đây là những con số không ai ngờ tới'], de: ['Das sind Zahlen, die niemand erwartet hat'] },
  // Glue of the sentence patterns whose word order is the same in every target.
  'Selon Reuters,': { en: ['According to Reuters,'], vi: ['Theo Reuters,'], de: ['Laut Reuters'] },
  'Pourquoi maintenant': { en: ['Why now'], vi: ['Tại sao lại là lúc này'], de: ['Warum gerade jetzt'] },
  'Le taux a atteint': { en: ['The rate reached'], vi: ['Tỷ lệ này đạt'], de: ['Die Quote erreichte'] },
  'personnes concernées': { en: ['people affected'], vi: ['người bị ảnh hưởng'], de: ['betroffene Personen'] },
  'change à nouveau de cap': { en: ['changes course again'], vi: ['lại đổi hướng'], de: ['ändert erneut den Kurs'] },
  'perd son': { en: ['loses its'], vi: ['mất'], de: ['verliert sein'] },
  'œil dans le ciel': { en: ['eye in the sky'], vi: ['con mắt trên bầu trời'], de: ['Auge am Himmel'] },
  '(version précédente)': { en: ['(previous version)'], vi: ['(phiên bản trước)'], de: ['(frühere Fassung)'] },
};

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DE_MONTHS = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];
const TITLES: Record<Lang, Record<string, string>> = { en: { 'M.': 'Mr', Mme: 'Ms' }, vi: { 'M.': 'ông', Mme: 'bà' }, de: { 'M.': 'Herr', Mme: 'Frau' } };

const SP = '[ \u00a0\u202f]';
const MONTH = `(${MONTHS.join('|')})`;
const PLACES = 'Hô Chi Minh-Ville|Hanoï|Moscou|Washington|Kiev|Bruxelles|Genève|la Crimée|Đà Nẵng';
const PHRASE_RE = new RegExp(
  Object.keys(PHRASES)
    .sort((a, b) => b.length - a.length)
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|'),
  'g',
);

/** Rewrites the sentence patterns whose word order differs by language; phrases are done after. */
function reorder(text: string, lang: Lang, rng: Random): string {
  // Places, people and clauses inside the patterns are translated with the other phrases afterwards.
  const month = (m: string) => MONTHS.indexOf(m);
  return text
    // « quote », a déclaré NAME dans un communiqué.
    .replace(new RegExp(`«${SP}?([^»]*?)${SP}?», a déclaré ((?:M\\.|Mme) [^ ]+) dans un communiqué\\.`, 'g'), (_m, q: string, name: string) => {
      const who = title(name, lang);
      return lang === 'en' ? `“${q},” ${who} said in a statement.`
        : lang === 'de' ? `„${q}“, sagte ${who} in einer Erklärung.`
        : `“${q}”, ${who} ${rng.pick(['cho biết', 'nói'])} trong một thông cáo.`;
    })
    // … le 12 mars à Hanoï.
    .replace(new RegExp(` le (\\d{1,2}) ${MONTH} à ([^.]+)\\.`, 'g'), (_m, d: string, m: string, p: string) =>
      lang === 'en' ? ` on ${EN_MONTHS[month(m)]} ${d} in ${p}.`
        : lang === 'de' ? ` am ${d}. ${DE_MONTHS[month(m)]} in ${p}.`
        : ` ngày ${d} tháng ${month(m) + 1} tại ${p}.`)
    // … en mars, soit …
    .replace(new RegExp(` en ${MONTH}, soit `, 'g'), (_m, m: string) =>
      lang === 'en' ? ` in ${EN_MONTHS[month(m)]}, or ` : lang === 'de' ? ` im ${DE_MONTHS[month(m)]}, also ` : ` trong tháng ${month(m) + 1}, tức là `)
    // Au cours du week-end, PLACE a accusé PLACE d’être responsable de l’attaque
    .replace(new RegExp(`Au cours du week-end, (${PLACES}) a accusé (${PLACES}) d’être responsable de l’attaque`, 'g'), (_m, a: string, b: string) =>
      lang === 'en' ? `Over the weekend, ${a} accused ${b} of being responsible for the attack`
        : lang === 'de' ? `Am Wochenende warf ${a} ${b} vor, für den Angriff verantwortlich zu sein`
        : `Cuối tuần qua, ${a} cáo buộc ${b} chịu trách nhiệm về vụ tấn công`);
}

function title(name: string, lang: Lang): string {
  return name.replace(/^(M\.|Mme) /, (_m, t: string) => `${TITLES[lang][t]} `);
}

/** Numbers in the target's notation: 3,5 % → 3.5% (en), 150 000 → 150,000 (en) / 150.000 (de, vi). */
function numbers(text: string, lang: Lang): string {
  return text
    .replace(new RegExp(`(\\d+),(\\d)${SP}%`, 'g'), (_m, a: string, b: string) => (lang === 'en' ? `${a}.${b}%` : lang === 'de' ? `${a},${b}\u00a0%` : `${a},${b}%`))
    .replace(new RegExp(`(\\d{1,3})${SP}(\\d{3})(?!\\d)`, 'g'), (_m, a: string, b: string) => `${a}${lang === 'en' ? ',' : '.'}${b}`);
}

/** Quotation marks and the space before ; : ! ? as the target writes them. */
function typography(text: string, lang: Lang): string {
  const [open, close] = lang === 'de' ? ['„', '“'] : ['“', '”'];
  return text
    .replace(new RegExp(`«${SP}?`, 'g'), open)
    .replace(new RegExp(`${SP}?»`, 'g'), close)
    .replace(new RegExp(`${SP}+([;:!?])`, 'g'), '$1');
}

/**
 * A translator's rendering of generated French `source` into `lang` (`en`, `vi` or `de`); null
 * for other languages. Choices between equally good renderings are made with `rng`, so two
 * translations of the same text (a machine one and an approved one) may differ a little.
 */
export function phrasebookTranslation(rng: Random, source: string, lang: string): string | null {
  if (lang !== 'en' && lang !== 'vi' && lang !== 'de') return null;
  let text = reorder(source, lang, rng);
  text = text.replace(PHRASE_RE, (p) => rng.pick(PHRASES[p]![lang]));
  // Names after a title (M. Ryder): the title in the target language, the name unchanged.
  text = text.replace(/(^|[\s,(])(M\.|Mme) (?=\p{Lu})/gu, (_m, before: string, t: string) => `${before}${TITLES[lang][t]} `);
  return typography(numbers(text, lang), lang);
}
