/**
 * Country reference data: ISO 3166-1 alpha-2 codes, ITU-T E.164 country calling codes and
 * approximate geographic centroids.
 *
 * Why this exists: several indicators compare places that come from different sources (a
 * phone number's country, an IP geolocation, a claimed residence, a shipping address). Those
 * comparisons need a code → calling-code map and a rough point per country to measure distance.
 * The data is deliberately coarse: centroids are 1–2 decimal approximations and are only fit for
 * "is this the same region / roughly how far apart" questions, never for locating a person.
 *
 * Calling codes are digits only (no '+'). Where a territory shares a country code and is told
 * apart by its leading national digits (NANP area codes such as 1876 for Jamaica, +44 1481 for
 * Guernsey, +7 6/7 for Kazakhstan, +39 06 698 for Vatican City), the longer prefix is listed so
 * that a longest-prefix lookup picks the territory.
 *
 * Kosovo's `XK` is included although it is a user-assigned code rather than an official ISO one,
 * because geo-IP providers and the EU emit it and callers would otherwise get `undefined`.
 *
 * @packageDocumentation
 */

/** A point on the Earth's surface in decimal degrees (WGS 84). */
export interface LatLon {
  /** Latitude in decimal degrees, positive north, in the range -90..90. */
  readonly lat: number;
  /** Longitude in decimal degrees, positive east, in the range -180..180. */
  readonly lon: number;
}

/** Reference data for one country or territory, keyed in {@link countries} by its alpha-2 code. */
export interface CountryInfo {
  /** Short English name of the country or territory. */
  readonly name: string;
  /**
   * ITU-T E.164 calling-code prefixes, digits only (e.g. `'44'`, `'1876'`). Territories that share a
   * code list the longer prefix that identifies them. Empty for uninhabited territories that have
   * no numbering of their own (e.g. Bouvet Island).
   */
  readonly callingCodes: readonly string[];
  /** Approximate geographic centroid (1–2 decimals); good for distances of tens of km and up. */
  readonly centroid: LatLon;
}

/** Raw tuple form: [name, calling codes, centroid latitude, centroid longitude]. Kept compact so the table stays readable. */
type RawCountry = readonly [name: string, callingCodes: readonly string[], lat: number, lon: number];

// The table. Centroids are approximate; NANP members other than US/CA list their area codes.
const RAW: Readonly<Record<string, RawCountry>> = /* @__PURE__ */ Object.freeze({
  AD: ['Andorra', ['376'], 42.55, 1.6],
  AE: ['United Arab Emirates', ['971'], 23.42, 53.85],
  AF: ['Afghanistan', ['93'], 33.94, 67.71],
  AG: ['Antigua and Barbuda', ['1268'], 17.06, -61.8],
  AI: ['Anguilla', ['1264'], 18.22, -63.07],
  AL: ['Albania', ['355'], 41.15, 20.17],
  AM: ['Armenia', ['374'], 40.07, 45.04],
  AO: ['Angola', ['244'], -11.2, 17.87],
  AQ: ['Antarctica', ['6721'], -75.25, -0.07],
  AR: ['Argentina', ['54'], -38.42, -63.62],
  AS: ['American Samoa', ['1684'], -14.27, -170.13],
  AT: ['Austria', ['43'], 47.52, 14.55],
  AU: ['Australia', ['61'], -25.27, 133.78],
  AW: ['Aruba', ['297'], 12.52, -69.97],
  AX: ['Åland Islands', ['35818'], 60.18, 19.92],
  AZ: ['Azerbaijan', ['994'], 40.14, 47.58],
  BA: ['Bosnia and Herzegovina', ['387'], 43.92, 17.68],
  BB: ['Barbados', ['1246'], 13.19, -59.54],
  BD: ['Bangladesh', ['880'], 23.68, 90.36],
  BE: ['Belgium', ['32'], 50.5, 4.47],
  BF: ['Burkina Faso', ['226'], 12.24, -1.56],
  BG: ['Bulgaria', ['359'], 42.73, 25.49],
  BH: ['Bahrain', ['973'], 25.93, 50.64],
  BI: ['Burundi', ['257'], -3.37, 29.92],
  BJ: ['Benin', ['229'], 9.31, 2.32],
  BL: ['Saint Barthélemy', ['590'], 17.9, -62.83],
  BM: ['Bermuda', ['1441'], 32.32, -64.76],
  BN: ['Brunei', ['673'], 4.54, 114.73],
  BO: ['Bolivia', ['591'], -16.29, -63.59],
  BQ: ['Caribbean Netherlands (Bonaire, Sint Eustatius and Saba)', ['5993', '5994', '5997'], 12.18, -68.24],
  BR: ['Brazil', ['55'], -14.24, -51.93],
  BS: ['Bahamas', ['1242'], 25.03, -77.4],
  BT: ['Bhutan', ['975'], 27.51, 90.43],
  BV: ['Bouvet Island', [], -54.42, 3.41],
  BW: ['Botswana', ['267'], -22.33, 24.68],
  BY: ['Belarus', ['375'], 53.71, 27.95],
  BZ: ['Belize', ['501'], 17.19, -88.5],
  CA: ['Canada', ['1'], 56.13, -106.35],
  CC: ['Cocos (Keeling) Islands', ['6189162'], -12.16, 96.87],
  CD: ['Congo (Democratic Republic)', ['243'], -4.04, 21.76],
  CF: ['Central African Republic', ['236'], 6.61, 20.94],
  CG: ['Congo (Republic)', ['242'], -0.23, 15.83],
  CH: ['Switzerland', ['41'], 46.82, 8.23],
  CI: ["Côte d'Ivoire", ['225'], 7.54, -5.55],
  CK: ['Cook Islands', ['682'], -21.24, -159.78],
  CL: ['Chile', ['56'], -35.68, -71.54],
  CM: ['Cameroon', ['237'], 7.37, 12.35],
  CN: ['China', ['86'], 35.86, 104.2],
  CO: ['Colombia', ['57'], 4.57, -74.3],
  CR: ['Costa Rica', ['506'], 9.75, -83.75],
  CU: ['Cuba', ['53'], 21.52, -77.78],
  CV: ['Cabo Verde', ['238'], 16.0, -24.01],
  CW: ['Curaçao', ['5999'], 12.17, -68.99],
  CX: ['Christmas Island', ['6189164'], -10.45, 105.69],
  CY: ['Cyprus', ['357'], 35.13, 33.43],
  CZ: ['Czechia', ['420'], 49.82, 15.47],
  DE: ['Germany', ['49'], 51.17, 10.45],
  DJ: ['Djibouti', ['253'], 11.83, 42.59],
  DK: ['Denmark', ['45'], 56.26, 9.5],
  DM: ['Dominica', ['1767'], 15.41, -61.37],
  DO: ['Dominican Republic', ['1809', '1829', '1849'], 18.74, -70.16],
  DZ: ['Algeria', ['213'], 28.03, 1.66],
  EC: ['Ecuador', ['593'], -1.83, -78.18],
  EE: ['Estonia', ['372'], 58.6, 25.01],
  EG: ['Egypt', ['20'], 26.82, 30.8],
  EH: ['Western Sahara', ['2125288', '2125289'], 24.22, -12.89],
  ER: ['Eritrea', ['291'], 15.18, 39.78],
  ES: ['Spain', ['34'], 40.46, -3.75],
  ET: ['Ethiopia', ['251'], 9.15, 40.49],
  FI: ['Finland', ['358'], 61.92, 25.75],
  FJ: ['Fiji', ['679'], -16.58, 179.41],
  FK: ['Falkland Islands', ['500'], -51.8, -59.52],
  FM: ['Micronesia', ['691'], 7.43, 150.55],
  FO: ['Faroe Islands', ['298'], 61.89, -6.91],
  FR: ['France', ['33'], 46.23, 2.21],
  GA: ['Gabon', ['241'], -0.8, 11.61],
  GB: ['United Kingdom', ['44'], 55.38, -3.44],
  GD: ['Grenada', ['1473'], 12.26, -61.6],
  GE: ['Georgia', ['995'], 42.32, 43.36],
  GF: ['French Guiana', ['594'], 3.93, -53.13],
  // Crown Dependencies share +44; landline area code first, then the mobile ranges allotted to them.
  GG: ['Guernsey', ['441481', '447781', '447839', '447911'], 49.47, -2.59],
  GH: ['Ghana', ['233'], 7.95, -1.02],
  GI: ['Gibraltar', ['350'], 36.14, -5.35],
  GL: ['Greenland', ['299'], 71.71, -42.6],
  GM: ['Gambia', ['220'], 13.44, -15.31],
  GN: ['Guinea', ['224'], 9.95, -9.7],
  GP: ['Guadeloupe', ['590'], 17.0, -62.07],
  GQ: ['Equatorial Guinea', ['240'], 1.65, 10.27],
  GR: ['Greece', ['30'], 39.07, 21.82],
  GS: ['South Georgia and the South Sandwich Islands', ['500'], -54.43, -36.59],
  GT: ['Guatemala', ['502'], 15.78, -90.23],
  GU: ['Guam', ['1671'], 13.44, 144.79],
  GW: ['Guinea-Bissau', ['245'], 11.8, -15.18],
  GY: ['Guyana', ['592'], 4.86, -58.93],
  HK: ['Hong Kong', ['852'], 22.4, 114.11],
  HM: ['Heard Island and McDonald Islands', [], -53.08, 73.5],
  HN: ['Honduras', ['504'], 15.2, -86.24],
  HR: ['Croatia', ['385'], 45.1, 15.2],
  HT: ['Haiti', ['509'], 18.97, -72.29],
  HU: ['Hungary', ['36'], 47.16, 19.5],
  ID: ['Indonesia', ['62'], -0.79, 113.92],
  IE: ['Ireland', ['353'], 53.41, -8.24],
  IL: ['Israel', ['972'], 31.05, 34.85],
  IM: ['Isle of Man', ['441624', '447524', '447624', '447924'], 54.24, -4.55],
  IN: ['India', ['91'], 20.59, 78.96],
  IO: ['British Indian Ocean Territory', ['246'], -6.34, 71.88],
  IQ: ['Iraq', ['964'], 33.22, 43.68],
  IR: ['Iran', ['98'], 32.43, 53.69],
  IS: ['Iceland', ['354'], 64.96, -19.02],
  IT: ['Italy', ['39'], 41.87, 12.57],
  JE: ['Jersey', ['441534', '447509', '447700', '447797', '447829', '447937'], 49.21, -2.13],
  JM: ['Jamaica', ['1876', '1658'], 18.11, -77.3],
  JO: ['Jordan', ['962'], 30.59, 36.24],
  JP: ['Japan', ['81'], 36.2, 138.25],
  KE: ['Kenya', ['254'], -0.02, 37.91],
  KG: ['Kyrgyzstan', ['996'], 41.2, 74.77],
  KH: ['Cambodia', ['855'], 12.57, 104.99],
  KI: ['Kiribati', ['686'], -3.37, -168.73],
  KM: ['Comoros', ['269'], -11.88, 43.87],
  KN: ['Saint Kitts and Nevis', ['1869'], 17.36, -62.78],
  KP: ['North Korea', ['850'], 40.34, 127.51],
  KR: ['South Korea', ['82'], 35.91, 127.77],
  KW: ['Kuwait', ['965'], 29.31, 47.48],
  KY: ['Cayman Islands', ['1345'], 19.51, -80.57],
  // Kazakhstan shares +7 with Russia and is told apart by a leading 6 or 7.
  KZ: ['Kazakhstan', ['76', '77'], 48.02, 66.92],
  LA: ['Laos', ['856'], 19.86, 102.5],
  LB: ['Lebanon', ['961'], 33.85, 35.86],
  LC: ['Saint Lucia', ['1758'], 13.91, -60.98],
  LI: ['Liechtenstein', ['423'], 47.17, 9.56],
  LK: ['Sri Lanka', ['94'], 7.87, 80.77],
  LR: ['Liberia', ['231'], 6.43, -9.43],
  LS: ['Lesotho', ['266'], -29.61, 28.23],
  LT: ['Lithuania', ['370'], 55.17, 23.88],
  LU: ['Luxembourg', ['352'], 49.82, 6.13],
  LV: ['Latvia', ['371'], 56.88, 24.6],
  LY: ['Libya', ['218'], 26.34, 17.23],
  MA: ['Morocco', ['212'], 31.79, -7.09],
  MC: ['Monaco', ['377'], 43.75, 7.41],
  MD: ['Moldova', ['373'], 47.41, 28.37],
  ME: ['Montenegro', ['382'], 42.71, 19.37],
  MF: ['Saint Martin (French part)', ['590'], 18.08, -63.05],
  MG: ['Madagascar', ['261'], -18.77, 46.87],
  MH: ['Marshall Islands', ['692'], 7.13, 171.18],
  MK: ['North Macedonia', ['389'], 41.61, 21.75],
  ML: ['Mali', ['223'], 17.57, -4.0],
  MM: ['Myanmar', ['95'], 21.91, 95.96],
  MN: ['Mongolia', ['976'], 46.86, 103.85],
  MO: ['Macao', ['853'], 22.2, 113.54],
  MP: ['Northern Mariana Islands', ['1670'], 17.33, 145.38],
  MQ: ['Martinique', ['596'], 14.64, -61.02],
  MR: ['Mauritania', ['222'], 21.01, -10.94],
  MS: ['Montserrat', ['1664'], 16.74, -62.19],
  MT: ['Malta', ['356'], 35.94, 14.38],
  MU: ['Mauritius', ['230'], -20.35, 57.55],
  MV: ['Maldives', ['960'], 3.2, 73.22],
  MW: ['Malawi', ['265'], -13.25, 34.3],
  MX: ['Mexico', ['52'], 23.63, -102.55],
  MY: ['Malaysia', ['60'], 4.21, 101.98],
  MZ: ['Mozambique', ['258'], -18.67, 35.53],
  NA: ['Namibia', ['264'], -22.96, 18.49],
  NC: ['New Caledonia', ['687'], -20.9, 165.62],
  NE: ['Niger', ['227'], 17.61, 8.08],
  NF: ['Norfolk Island', ['6723'], -29.04, 167.95],
  NG: ['Nigeria', ['234'], 9.08, 8.68],
  NI: ['Nicaragua', ['505'], 12.87, -85.21],
  NL: ['Netherlands', ['31'], 52.13, 5.29],
  NO: ['Norway', ['47'], 60.47, 8.47],
  NP: ['Nepal', ['977'], 28.39, 84.12],
  NR: ['Nauru', ['674'], -0.52, 166.93],
  NU: ['Niue', ['683'], -19.05, -169.87],
  NZ: ['New Zealand', ['64'], -40.9, 174.89],
  OM: ['Oman', ['968'], 21.51, 55.92],
  PA: ['Panama', ['507'], 8.54, -80.78],
  PE: ['Peru', ['51'], -9.19, -75.02],
  PF: ['French Polynesia', ['689'], -17.68, -149.41],
  PG: ['Papua New Guinea', ['675'], -6.31, 143.96],
  PH: ['Philippines', ['63'], 12.88, 121.77],
  PK: ['Pakistan', ['92'], 30.38, 69.35],
  PL: ['Poland', ['48'], 51.92, 19.15],
  PM: ['Saint Pierre and Miquelon', ['508'], 46.94, -56.27],
  PN: ['Pitcairn', ['64'], -24.7, -127.44],
  PR: ['Puerto Rico', ['1787', '1939'], 18.22, -66.59],
  PS: ['Palestine', ['970'], 31.95, 35.23],
  PT: ['Portugal', ['351'], 39.4, -8.22],
  PW: ['Palau', ['680'], 7.51, 134.58],
  PY: ['Paraguay', ['595'], -23.44, -58.44],
  QA: ['Qatar', ['974'], 25.35, 51.18],
  RE: ['Réunion', ['262'], -21.12, 55.54],
  RO: ['Romania', ['40'], 45.94, 24.97],
  RS: ['Serbia', ['381'], 44.02, 21.01],
  RU: ['Russia', ['7'], 61.52, 105.32],
  RW: ['Rwanda', ['250'], -1.94, 29.87],
  SA: ['Saudi Arabia', ['966'], 23.89, 45.08],
  SB: ['Solomon Islands', ['677'], -9.65, 160.16],
  SC: ['Seychelles', ['248'], -4.68, 55.49],
  SD: ['Sudan', ['249'], 12.86, 30.22],
  SE: ['Sweden', ['46'], 60.13, 18.64],
  SG: ['Singapore', ['65'], 1.35, 103.82],
  // Saint Helena, Ascension and Tristan da Cunha: +290 (Saint Helena, Tristan) and +247 (Ascension).
  SH: ['Saint Helena, Ascension and Tristan da Cunha', ['290', '247'], -15.97, -5.71],
  SI: ['Slovenia', ['386'], 46.15, 15.0],
  SJ: ['Svalbard and Jan Mayen', ['4779'], 77.55, 23.67],
  SK: ['Slovakia', ['421'], 48.67, 19.7],
  SL: ['Sierra Leone', ['232'], 8.46, -11.78],
  SM: ['San Marino', ['378'], 43.94, 12.46],
  SN: ['Senegal', ['221'], 14.5, -14.45],
  SO: ['Somalia', ['252'], 5.15, 46.2],
  SR: ['Suriname', ['597'], 3.92, -56.03],
  SS: ['South Sudan', ['211'], 6.88, 31.31],
  ST: ['São Tomé and Príncipe', ['239'], 0.19, 6.61],
  SV: ['El Salvador', ['503'], 13.79, -88.9],
  SX: ['Sint Maarten (Dutch part)', ['1721'], 18.04, -63.07],
  SY: ['Syria', ['963'], 34.8, 39.0],
  SZ: ['Eswatini', ['268'], -26.52, 31.47],
  TC: ['Turks and Caicos Islands', ['1649'], 21.69, -71.8],
  TD: ['Chad', ['235'], 15.45, 18.73],
  TF: ['French Southern Territories', [], -49.28, 69.35],
  TG: ['Togo', ['228'], 8.62, 0.82],
  TH: ['Thailand', ['66'], 15.87, 100.99],
  TJ: ['Tajikistan', ['992'], 38.86, 71.28],
  TK: ['Tokelau', ['690'], -8.97, -171.86],
  TL: ['Timor-Leste', ['670'], -8.87, 125.73],
  TM: ['Turkmenistan', ['993'], 38.97, 59.56],
  TN: ['Tunisia', ['216'], 33.89, 9.54],
  TO: ['Tonga', ['676'], -21.18, -175.2],
  TR: ['Türkiye', ['90'], 38.96, 35.24],
  TT: ['Trinidad and Tobago', ['1868'], 10.69, -61.22],
  TV: ['Tuvalu', ['688'], -7.11, 177.65],
  TW: ['Taiwan', ['886'], 23.7, 120.96],
  TZ: ['Tanzania', ['255'], -6.37, 34.89],
  UA: ['Ukraine', ['380'], 48.38, 31.17],
  UG: ['Uganda', ['256'], 1.37, 32.29],
  // The US Minor Outlying Islands have no numbering of their own; centroid is Wake Island's.
  UM: ['United States Minor Outlying Islands', [], 19.28, 166.65],
  US: ['United States', ['1'], 37.09, -95.71],
  UY: ['Uruguay', ['598'], -32.52, -55.77],
  UZ: ['Uzbekistan', ['998'], 41.38, 64.59],
  // Vatican City: +379 is reserved for it, but in practice it uses the Rome range +39 06 698.
  VA: ['Vatican City', ['379', '3906698'], 41.9, 12.45],
  VC: ['Saint Vincent and the Grenadines', ['1784'], 12.98, -61.29],
  VE: ['Venezuela', ['58'], 6.42, -66.59],
  VG: ['British Virgin Islands', ['1284'], 18.42, -64.64],
  VI: ['U.S. Virgin Islands', ['1340'], 18.34, -64.9],
  VN: ['Vietnam', ['84'], 14.06, 108.28],
  VU: ['Vanuatu', ['678'], -15.38, 166.96],
  WF: ['Wallis and Futuna', ['681'], -13.77, -177.16],
  WS: ['Samoa', ['685'], -13.76, -172.1],
  XK: ['Kosovo', ['383'], 42.6, 20.9],
  YE: ['Yemen', ['967'], 15.55, 48.52],
  // Mayotte shares +262 with Réunion; its landline (269) and mobile (639) blocks identify it.
  YT: ['Mayotte', ['262269', '262639'], -12.83, 45.17],
  ZA: ['South Africa', ['27'], -30.56, 22.94],
  ZM: ['Zambia', ['260'], -13.13, 27.85],
  ZW: ['Zimbabwe', ['263'], -19.02, 29.15],
});

/** Turns the compact tuples into frozen {@link CountryInfo} objects, so no caller can mutate shared data. */
function buildCountries(raw: Readonly<Record<string, RawCountry>>): Readonly<Record<string, CountryInfo>> {
  const out: Record<string, CountryInfo> = {};
  for (const [code, [name, callingCodes, lat, lon]] of Object.entries(raw)) {
    out[code] = Object.freeze({
      name,
      callingCodes: Object.freeze([...callingCodes]),
      centroid: Object.freeze({ lat, lon }),
    });
  }
  return Object.freeze(out);
}

/**
 * Every ISO 3166-1 alpha-2 code (plus the user-assigned `XK` for Kosovo) mapped to its name,
 * E.164 calling-code prefixes and approximate centroid. Keys are upper-case. The object and all
 * nested values are frozen.
 */
export const countries: Readonly<Record<string, CountryInfo>> = /* @__PURE__ */ buildCountries(RAW);

/**
 * Countries listed first when several share the same longest calling-code prefix. Only `+1`
 * needs it: US and Canada hold almost all plain NANP numbers, so they should lead the answer.
 * Everything else falls back to alphabetical order.
 */
const TIE_BREAK_FIRST: readonly string[] = /* @__PURE__ */ Object.freeze(['US', 'CA']);

/** Prefix index: calling-code digits → the country codes that use exactly that prefix. A frozen plain object, so it cannot be mutated. */
type CallingCodeIndex = Readonly<Record<string, readonly string[]>>;

/** Builds the prefix index once; ordering follows {@link TIE_BREAK_FIRST}, then alphabetical. */
function buildCallingCodeIndex(table: Readonly<Record<string, CountryInfo>>): CallingCodeIndex {
  const byPrefix = new Map<string, string[]>();
  for (const [code, info] of Object.entries(table)) {
    for (const prefix of info.callingCodes) {
      const list = byPrefix.get(prefix);
      if (list) list.push(code);
      else byPrefix.set(prefix, [code]);
    }
  }
  const rank = (c: string): number => {
    const i = TIE_BREAK_FIRST.indexOf(c);
    return i === -1 ? TIE_BREAK_FIRST.length : i;
  };
  const index: Record<string, readonly string[]> = {};
  for (const [prefix, list] of byPrefix) {
    list.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
    index[prefix] = Object.freeze(list);
  }
  return Object.freeze(index);
}

/** Calling-code prefix index, computed once at module load from {@link countries}. Never mutated. */
const CALLING_CODE_INDEX: CallingCodeIndex = /* @__PURE__ */ buildCallingCodeIndex(countries);

/** Longest calling-code prefix in the table (Cocos/Christmas Island use 7 digits). */
const MAX_PREFIX_LENGTH = 7;

/**
 * Look up a country's approximate centroid.
 *
 * @param code - ISO 3166-1 alpha-2 code, any case, surrounding whitespace ignored.
 * @returns The centroid, or `undefined` for an unknown code.
 */
export function countryCentroid(code: string): LatLon | undefined {
  return countries[code.trim().toUpperCase()]?.centroid;
}

/**
 * Extracts the international digits of a phone number, or `undefined` when it has no
 * international prefix. Only `+` and `00` count: a bare national number (e.g. `'020 7946 0958'`)
 * cannot be placed in a country without knowing where it was dialled from, and guessing would
 * create false mismatches. `011` (the NANP exit code) is not accepted because UK numbers such as
 * `0115 …` start with the same digits.
 */
function internationalDigits(input: string): string | undefined {
  const s = input.trim().replace(/^tel:/i, '');
  if (s.startsWith('+')) return s.slice(1).replace(/\D/g, '');
  const digitsAndSeparators = s.replace(/[\s().\-/]/g, '');
  if (/^00[1-9]/.test(digitsAndSeparators)) return digitsAndSeparators.slice(2).replace(/\D/g, '');
  return undefined;
}

/**
 * The countries a phone number's calling code points to.
 *
 * Uses the longest matching prefix, so `'+1 876 …'` is `['JM']` while `'+1 615 …'` (an area code
 * not assigned to a Caribbean or territory member of NANP) is `['US', 'CA']`: plain `+1` cannot
 * tell the US and Canada apart without an area-code table, and this module does not guess.
 * Countries that share exactly the same prefix are all returned (e.g. `+590` → BL, GP, MF).
 *
 * When the number is too short to rule out a longer, more specific prefix (e.g. just `'+1'` or
 * `'+44'`), the countries with those longer prefixes are appended after the longest-match ones,
 * because the number is consistent with all of them.
 *
 * @param e164OrDigits - A phone number with an international prefix: `'+44 20 7946 0958'`,
 *   `'+16155550100'`, `'0044 20 …'` or `'tel:+82-10-…'`. Separators are ignored.
 * @returns Upper-case ISO codes, or `[]` when the number has no `+`/`00` prefix or no known code.
 */
export function callingCodeCountries(e164OrDigits: string): readonly string[] {
  const digits = internationalDigits(e164OrDigits);
  if (digits === undefined || digits.length === 0) return [];
  let best: readonly string[] = [];
  for (let len = Math.min(MAX_PREFIX_LENGTH, digits.length); len >= 1; len--) {
    const hit = CALLING_CODE_INDEX[digits.slice(0, len)];
    if (hit) {
      best = hit;
      break;
    }
  }
  if (best.length === 0) return [];
  if (digits.length >= MAX_PREFIX_LENGTH) return best;
  // Short input: add countries whose longer prefix the digits could still grow into.
  const extra = new Set<string>();
  for (const [prefix, codes] of Object.entries(CALLING_CODE_INDEX)) {
    if (prefix.length > digits.length && prefix.startsWith(digits)) {
      for (const c of codes) if (!best.includes(c)) extra.add(c);
    }
  }
  return extra.size === 0 ? best : [...best, ...[...extra].sort()];
}

/** Mean Earth radius in km (IUGG), the usual choice for haversine distances. */
const EARTH_RADIUS_KM = 6371.0088;

/**
 * Great-circle distance between two points, by the haversine formula on a spherical Earth.
 * Error versus the ellipsoid is under 0.5 %, far below the error of the centroids themselves.
 *
 * @param a - First point in decimal degrees.
 * @param b - Second point in decimal degrees.
 * @returns Distance in kilometres.
 */
export function haversineKm(a: LatLon, b: LatLon): number {
  const toRad = (d: number): number => (d * Math.PI) / 180;
  const dLat = toRad(b.lat - a.lat);
  const dLon = toRad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a.lat)) * Math.cos(toRad(b.lat)) * Math.sin(dLon / 2) ** 2;
  // Clamp guards against h drifting a hair above 1 for antipodal points.
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
