import { countries } from '../../data/countries';
import { alpha3Codes, countryNameAliases } from '../../data/countryNames';

const byAlpha3 = new Map<string, string>();
const byName = new Map<string, string>();

function fold(text: string): string {
  // "Côte d'Ivoire" and "Cote d'Ivoire", "Türkiye" and "Turkiye" are the same name; so are ’ and '.
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

function index(): void {
  if (byName.size > 0) return;
  for (const [code, alpha3] of Object.entries(alpha3Codes)) byAlpha3.set(alpha3, code);
  for (const [code, info] of Object.entries(countries)) byName.set(fold(info.name), code);
  for (const [name, code] of Object.entries(countryNameAliases)) byName.set(fold(name), code);
}

/**
 * The ISO 3166-1 alpha-2 code of a country as exports write it: an alpha-2 code (`br`), an
 * alpha-3 code (`BRA`), or an English name (`Brazil`, `Russian Federation`, `Côte d'Ivoire`),
 * case-insensitive. Undefined for anything else (`Atlantis`, `Korea`, `Congo`): unknown values
 * are never guessed; the connector counts them in its report.
 */
export function parseCountry(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  index();
  const text = value.trim();
  if (/^[A-Za-z]{2}$/.test(text)) {
    const code = text.toUpperCase();
    // UK is the common spelling of GB in exports; it is reserved in ISO 3166-1, never another country.
    if (code === 'UK') return 'GB';
    return code in countries ? code : undefined;
  }
  if (/^[A-Za-z]{3}$/.test(text)) {
    const code = byAlpha3.get(text.toUpperCase());
    if (code !== undefined) return code;
  }
  return byName.get(fold(text));
}
