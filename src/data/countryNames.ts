/**
 * ISO 3166-1 alpha-3 codes and the other English names exports write for countries, so a
 * connector can read `BRA`, `Brazil` or `br` as `BR`. The short English names live in
 * `countries` (countries.ts); this file adds only what they lack. Kosovo's user-assigned `XKX`
 * is listed as geo-IP providers emit it.
 *
 * @packageDocumentation
 */
/** ISO 3166-1 alpha-3 code of each alpha-2 code in `countries` (countries.ts). */
// Ten codes a line, left so by the formatter: one a line would make the table 250 lines long.
// prettier-ignore
export const alpha3Codes: Readonly<Record<string, string>> = /* @__PURE__ */ Object.freeze({
  AD: 'AND', AE: 'ARE', AF: 'AFG', AG: 'ATG', AI: 'AIA', AL: 'ALB', AM: 'ARM', AO: 'AGO', AQ: 'ATA', AR: 'ARG',
  AS: 'ASM', AT: 'AUT', AU: 'AUS', AW: 'ABW', AX: 'ALA', AZ: 'AZE', BA: 'BIH', BB: 'BRB', BD: 'BGD', BE: 'BEL',
  BF: 'BFA', BG: 'BGR', BH: 'BHR', BI: 'BDI', BJ: 'BEN', BL: 'BLM', BM: 'BMU', BN: 'BRN', BO: 'BOL', BQ: 'BES',
  BR: 'BRA', BS: 'BHS', BT: 'BTN', BV: 'BVT', BW: 'BWA', BY: 'BLR', BZ: 'BLZ', CA: 'CAN', CC: 'CCK', CD: 'COD',
  CF: 'CAF', CG: 'COG', CH: 'CHE', CI: 'CIV', CK: 'COK', CL: 'CHL', CM: 'CMR', CN: 'CHN', CO: 'COL', CR: 'CRI', CU: 'CUB',
  CV: 'CPV', CW: 'CUW', CX: 'CXR', CY: 'CYP', CZ: 'CZE', DE: 'DEU', DJ: 'DJI', DK: 'DNK', DM: 'DMA', DO: 'DOM',
  DZ: 'DZA', EC: 'ECU', EE: 'EST', EG: 'EGY', EH: 'ESH', ER: 'ERI', ES: 'ESP', ET: 'ETH', FI: 'FIN', FJ: 'FJI',
  FK: 'FLK', FM: 'FSM', FO: 'FRO', FR: 'FRA', GA: 'GAB', GB: 'GBR', GD: 'GRD', GE: 'GEO', GF: 'GUF', GG: 'GGY',
  GH: 'GHA', GI: 'GIB', GL: 'GRL', GM: 'GMB', GN: 'GIN', GP: 'GLP', GQ: 'GNQ', GR: 'GRC', GS: 'SGS', GT: 'GTM',
  GU: 'GUM', GW: 'GNB', GY: 'GUY', HK: 'HKG', HM: 'HMD', HN: 'HND', HR: 'HRV', HT: 'HTI', HU: 'HUN', ID: 'IDN',
  IE: 'IRL', IL: 'ISR', IM: 'IMN', IN: 'IND', IO: 'IOT', IQ: 'IRQ', IR: 'IRN', IS: 'ISL', IT: 'ITA', JE: 'JEY',
  JM: 'JAM', JO: 'JOR', JP: 'JPN', KE: 'KEN', KG: 'KGZ', KH: 'KHM', KI: 'KIR', KM: 'COM', KN: 'KNA', KP: 'PRK',
  KR: 'KOR', KW: 'KWT', KY: 'CYM', KZ: 'KAZ', LA: 'LAO', LB: 'LBN', LC: 'LCA', LI: 'LIE', LK: 'LKA', LR: 'LBR',
  LS: 'LSO', LT: 'LTU', LU: 'LUX', LV: 'LVA', LY: 'LBY', MA: 'MAR', MC: 'MCO', MD: 'MDA', ME: 'MNE', MF: 'MAF',
  MG: 'MDG', MH: 'MHL', MK: 'MKD', ML: 'MLI', MM: 'MMR', MN: 'MNG', MO: 'MAC', MP: 'MNP', MQ: 'MTQ', MR: 'MRT',
  MS: 'MSR', MT: 'MLT', MU: 'MUS', MV: 'MDV', MW: 'MWI', MX: 'MEX', MY: 'MYS', MZ: 'MOZ', NA: 'NAM', NC: 'NCL',
  NE: 'NER', NF: 'NFK', NG: 'NGA', NI: 'NIC', NL: 'NLD', NO: 'NOR', NP: 'NPL', NR: 'NRU', NU: 'NIU', NZ: 'NZL',
  OM: 'OMN', PA: 'PAN', PE: 'PER', PF: 'PYF', PG: 'PNG', PH: 'PHL', PK: 'PAK', PL: 'POL', PM: 'SPM', PN: 'PCN',
  PR: 'PRI', PS: 'PSE', PT: 'PRT', PW: 'PLW', PY: 'PRY', QA: 'QAT', RE: 'REU', RO: 'ROU', RS: 'SRB', RU: 'RUS',
  RW: 'RWA', SA: 'SAU', SB: 'SLB', SC: 'SYC', SD: 'SDN', SE: 'SWE', SG: 'SGP', SH: 'SHN', SI: 'SVN', SJ: 'SJM',
  SK: 'SVK', SL: 'SLE', SM: 'SMR', SN: 'SEN', SO: 'SOM', SR: 'SUR', SS: 'SSD', ST: 'STP', SV: 'SLV', SX: 'SXM',
  SY: 'SYR', SZ: 'SWZ', TC: 'TCA', TD: 'TCD', TF: 'ATF', TG: 'TGO', TH: 'THA', TJ: 'TJK', TK: 'TKL', TL: 'TLS',
  TM: 'TKM', TN: 'TUN', TO: 'TON', TR: 'TUR', TT: 'TTO', TV: 'TUV', TW: 'TWN', TZ: 'TZA', UA: 'UKR', UG: 'UGA',
  UM: 'UMI', US: 'USA', UY: 'URY', UZ: 'UZB', VA: 'VAT', VC: 'VCT', VE: 'VEN', VG: 'VGB', VI: 'VIR', VN: 'VNM',
  VU: 'VUT', WF: 'WLF', WS: 'WSM', XK: 'XKX', YE: 'YEM', YT: 'MYT', ZA: 'ZAF', ZM: 'ZMB', ZW: 'ZWE',
});

/**
 * Other English names exports use (ISO full names, former names, common short forms), lower
 * case, to the alpha-2 code. Only names that denote one country unambiguously are listed:
 * `Congo` alone and `Korea` alone are not, and stay unknown.
 */
// Several names a line, left so by the formatter.
// prettier-ignore
export const countryNameAliases: Readonly<Record<string, string>> = /* @__PURE__ */ Object.freeze({
  'united states of america': 'US', usa: 'US', 'u.s.': 'US', 'u.s.a.': 'US', america: 'US',
  'united kingdom of great britain and northern ireland': 'GB', uk: 'GB', 'great britain': 'GB', britain: 'GB', england: 'GB', scotland: 'GB', wales: 'GB', 'northern ireland': 'GB',
  'russian federation': 'RU', 'korea, republic of': 'KR', 'republic of korea': 'KR', 'korea (south)': 'KR',
  "korea, democratic people's republic of": 'KP', "democratic people's republic of korea": 'KP', dprk: 'KP', 'korea (north)': 'KP',
  'iran, islamic republic of': 'IR', 'islamic republic of iran': 'IR', 'syrian arab republic': 'SY', 'viet nam': 'VN',
  "lao people's democratic republic": 'LA', 'bolivia, plurinational state of': 'BO', 'plurinational state of bolivia': 'BO',
  'venezuela, bolivarian republic of': 'VE', 'bolivarian republic of venezuela': 'VE', 'tanzania, united republic of': 'TZ', 'united republic of tanzania': 'TZ',
  'moldova, republic of': 'MD', 'republic of moldova': 'MD', 'czech republic': 'CZ', turkey: 'TR', turkiye: 'TR', 'republic of türkiye': 'TR',
  'ivory coast': 'CI', "cote d'ivoire": 'CI', "côte d'ivoire": 'CI', 'cape verde': 'CV', swaziland: 'SZ', macedonia: 'MK', 'the former yugoslav republic of macedonia': 'MK',
  burma: 'MM', 'brunei darussalam': 'BN', 'taiwan, province of china': 'TW', 'hong kong sar': 'HK', 'hong kong sar china': 'HK', macau: 'MO', 'macao sar': 'MO',
  'democratic republic of the congo': 'CD', 'congo, the democratic republic of the': 'CD', 'dr congo': 'CD', 'congo-kinshasa': 'CD', 'congo (kinshasa)': 'CD',
  'republic of the congo': 'CG', 'congo-brazzaville': 'CG', 'congo (brazzaville)': 'CG',
  'micronesia, federated states of': 'FM', 'federated states of micronesia': 'FM', 'palestine, state of': 'PS', 'state of palestine': 'PS', 'palestinian territories': 'PS',
  'holy see': 'VA', 'vatican city state': 'VA', 'the netherlands': 'NL', holland: 'NL', 'netherlands, kingdom of the': 'NL', 'the bahamas': 'BS', 'the gambia': 'GM',
  'east timor': 'TL', 'saint helena': 'SH', 'virgin islands, british': 'VG', 'virgin islands, u.s.': 'VI', 'us virgin islands': 'VI', 'falkland islands (malvinas)': 'FK',
  'bonaire, sint eustatius and saba': 'BQ', 'caribbean netherlands': 'BQ', curacao: 'CW', reunion: 'RE', 'saint barthelemy': 'BL', 'sao tome and principe': 'ST', 'aland islands': 'AX',
  'saint martin': 'MF', 'sint maarten': 'SX', 'united arab emirates (the)': 'AE', uae: 'AE', 'south korea': 'KR', 'north korea': 'KP', vatican: 'VA',
});
