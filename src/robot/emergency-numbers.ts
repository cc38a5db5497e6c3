/**
 * The emergency numbers the safety advice names. Without the shop's time zone the advice lists the
 * numbers of the places kefu's shops are in; with it, the one number of the shop's country (a Munich
 * shop's buyer was told "911 in the US, 999 in the UK, 119 in China" and never 112, a Singapore
 * shop's 911/999/000 and not 995: outside testers, fortieth session). Pure: no I/O.
 */

/** The lists the advice texts carry (replies.ts), each for one service: a fire, or a body in danger. */
export const NUMBER_LISTS = {
  zhHealth: '（大陆 120，港澳 999，台湾 119，美国和加拿大 911，英国 999，澳大利亚 000）',
  zhFire: '（大陆和台湾 119，港澳 999，美国和加拿大 911，英国 999，澳大利亚 000）',
  enFire: '(911 in the US, 999 in the UK, 119 in China)',
  enAir: '(911 in the US, 999 in the UK, 000 in Australia)',
  enHealth: '(911 in the US, 999 in the UK, 995 in Singapore, 000 in Australia)',
  /** The poison line, the United States' only: a London parent was given it beside 999 (an outside shop, forty-first session). */
  enPoison: '(1-800-222-1222 in the US)',
  /** Where a scam is reported: the UK's, and the mainland's in Chinese (a Singapore and a Sydney shop's buyers were sent to Action Fraud: forty-second session). */
  enFraud: ' (in the UK, Action Fraud)',
  zhFraud: '并拨打110或反诈专线96110报警',
} as const;

interface Numbers {
  readonly medical: string;
  readonly fire: string;
  /** The country's poison advice line; none known: the advice names none. */
  readonly poison?: string;
  /** Mainland China's: its English-writing buyers are mostly abroad, and keep the lists (found in review). */
  readonly chineseOnly?: true;
  /** Where a scam is reported, in place of `enFraud` and `zhFraud`: the country's own line, or the local police when kefu knows none. */
  readonly fraud?: { readonly en: string; readonly zh: string };
}
/** A country whose scam line kefu does not know: the police, and no other country's line. */
const POLICE = { en: '', zh: '并向当地警方报案' } as const;
const FRAUD = {
  uk: { en: ' (Action Fraud, 0300 123 2040)', zh: '并向 Action Fraud（0300 123 2040）报案' },
  sg: { en: ' (or call the ScamShield Helpline, 1799)', zh: '并拨打 ScamShield 反诈热线 1799 或报警' },
  au: { en: ' (ReportCyber, at cyber.gov.au)', zh: '并在 ReportCyber（cyber.gov.au）报案' },
  nz: { en: ' (105, their non-emergency line)', zh: '并拨打警方非紧急电话 105 报案' },
  us: { en: ' (and to the FTC at ReportFraud.ftc.gov)', zh: '并报警，或到 ReportFraud.ftc.gov 向 FTC 举报' },
  ca: { en: ' (and to the Canadian Anti-Fraud Centre, 1-888-495-8501)', zh: '并致电加拿大反诈骗中心 1-888-495-8501' },
  hk: { en: ' (999, or the Anti-Scam Helpline, 18222)', zh: '并拨打999报警，或致电防骗易热线18222' },
  tw: { en: ' (110, or the anti-fraud line, 165)', zh: '并拨打165反诈骗专线或110报警' },
  my: { en: ' (or the National Scam Response Centre, 997)', zh: '并拨打全国诈骗应对中心 997' },
  in: { en: ' (or the cybercrime helpline, 1930)', zh: '并拨打网络犯罪求助热线 1930' },
} as const;
const same = (n: string): Numbers => ({ medical: n, fire: n });
const US = /^(?:America\/(?:New_York|Chicago|Denver|Los_Angeles|Phoenix|Anchorage|Juneau|Boise|Detroit|Indiana\/\w+|Kentucky\/\w+|North_Dakota\/\w+)|Pacific\/Honolulu|US\/\w+)$/;
/** Canada's poison centres are provincial: no one number to name. */
const CANADA = /^America\/(?:Toronto|Vancouver|Edmonton|Winnipeg|Regina|Halifax|St_Johns|Montreal|Moncton|Whitehorse|Yellowknife|Iqaluit)$|^Canada\//;
const UK = /^Europe\/(?:London|Belfast|Guernsey|Jersey|Isle_of_Man)$|^GB$/;
/** A zone's numbers, by the zone's name; undefined where kefu does not know them (the lists stay). */
function numbersOf(zone: string): Numbers | undefined {
  if (/^(?:Asia\/(?:Shanghai|Chongqing|Chungking|Harbin|Urumqi|Kashgar)|PRC)$/.test(zone)) return { medical: '120', fire: '119', chineseOnly: true };
  if (/^Asia\/(?:Hong_Kong|Macau|Macao)$|^Hongkong$/.test(zone)) return { ...same('999'), fraud: /Hong_?[Kk]ong/.test(zone) ? FRAUD.hk : POLICE };
  if (/^Asia\/Taipei$|^ROC$/.test(zone)) return { ...same('119'), fraud: FRAUD.tw };
  if (/^Asia\/(?:Tokyo|Seoul)$|^(?:Japan|ROK)$/.test(zone)) return { ...same('119'), fraud: POLICE };
  if (zone === 'Asia/Singapore' || zone === 'Singapore') return { ...same('995'), fraud: FRAUD.sg };
  if (/^Asia\/(?:Kuala_Lumpur|Kuching)$/.test(zone)) return { ...same('999'), fraud: FRAUD.my };
  if (/^Asia\/(?:Kolkata|Calcutta)$/.test(zone)) return { ...same('112'), fraud: FRAUD.in };
  if (/^Australia\//.test(zone)) return { ...same('000'), poison: '13 11 26', fraud: FRAUD.au };
  if (zone === 'Pacific/Auckland' || zone === 'NZ') return { ...same('111'), poison: '0800 764 766', fraud: FRAUD.nz };
  if (UK.test(zone)) return { ...same('999'), poison: 'NHS 111', fraud: FRAUD.uk };
  if (/^Europe\//.test(zone)) return { ...same('112'), fraud: POLICE };
  if (CANADA.test(zone)) return { ...same('911'), fraud: FRAUD.ca };
  return US.test(zone) ? { ...same('911'), poison: '1-800-222-1222', fraud: FRAUD.us } : undefined;
}

const LISTED = Object.values(NUMBER_LISTS);
/**
 * The advice with the shop's own number in place of the lists, when its zone tells the country; unchanged otherwise. A mainland
 * shop's buyer who writes traditional characters is likely in Hong Kong, Macau or Taiwan, where 119 and 120 are not all the numbers
 * (a Hong Kong buyer of a Guangzhou shop was told 119 for a sparking hair dryer: forty-ninth session): the lists stay, which name theirs.
 */
export function localEmergencyNumbers(text: string, zone: string | null | undefined, buyerScript?: 'hant' | 'hans'): string {
  if (!zone || !LISTED.some((l) => text.includes(l))) return text;
  const n = numbersOf(zone);
  if (n?.chineseOnly && buyerScript === 'hant') return text;
  // A zone kefu knows no numbers of (Bangkok, Dubai, São Paulo): the lists stay, but a scam is the police's, not the UK's or the
  // mainland's lines (found in review).
  if (!n) return zone === 'UTC' || zone === 'Etc/UTC' ? text : text.replaceAll(NUMBER_LISTS.enFraud, POLICE.en).replaceAll(NUMBER_LISTS.zhFraud, POLICE.zh);
  if (n.chineseOnly && !/\p{Script=Han}/u.test(text)) return text;
  return text
    .replaceAll(NUMBER_LISTS.zhHealth, `（${n.medical}）`)
    .replaceAll(NUMBER_LISTS.zhFire, `（${n.fire}）`)
    .replaceAll(NUMBER_LISTS.enFire, `(${n.fire})`)
    .replaceAll(NUMBER_LISTS.enAir, `(${n.medical})`)
    .replaceAll(NUMBER_LISTS.enHealth, `(${n.medical})`)
    .replaceAll(` ${NUMBER_LISTS.enPoison}`, n.poison ? ` (${n.poison})` : '')
    .replaceAll(NUMBER_LISTS.enFraud, n.fraud?.en ?? NUMBER_LISTS.enFraud)
    .replaceAll(NUMBER_LISTS.zhFraud, n.fraud?.zh ?? NUMBER_LISTS.zhFraud);
}

/** Every way a scam's reporting is told, the lists' first: read back, each is the same advice. */
const FRAUD_TOLD = [NUMBER_LISTS.enFraud, NUMBER_LISTS.zhFraud, POLICE.zh, ...Object.values(FRAUD).flatMap((f) => [f.en, f.zh])];

/** The advice as listed, whichever zone's number it was told with: for reading a reply back as the advice it is. */
export function withListedNumbers(text: string): string {
  // Dropped whole: a zone with no poison line of its own is told none ("13 11 26" has no three digits together).
  const fraudless = FRAUD_TOLD.reduce((t, told) => t.replaceAll(told, ''), text);
  return fraudless.replace(/ ?[（(][^（）()]*\d[^（）()]*\d[^（）()]*\d[^（）()]*[）)]/g, '');
}
