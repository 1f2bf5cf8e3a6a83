import { checkCsvMapping, type CsvMapping } from '../sources/csv-mapping';
import ats from './ats.json';
import hris from './hris.json';

function checked(name: string, value: unknown): CsvMapping {
  const result = checkCsvMapping(value);
  if (!result.ok) throw new Error(`shipped mapping ${name} is invalid: ${result.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  return result.mapping;
}

/**
 * Shipped CSV mappings, by name: `hris` (a Workday / BambooHR-like worker export keyed by work
 * e-mail, so identity-provider events line up) and `ats` (a Greenhouse / Lever-like candidate
 * export). Copy one as the start of your own: `redflags import csv --mapping my-mapping.json`.
 */
export const csvMappings: Readonly<Record<string, CsvMapping>> = Object.freeze({
  hris: checked('hris', hris),
  ats: checked('ats', ats),
});
