import type { BuiltinTypology } from './types';

/** How the built-in typologies are named to people: a label for reports, a short tag for one-line listings. */
export const builtinTypologyNames: Readonly<Record<BuiltinTypology, { readonly label: string; readonly short: string }>> = {
  'remote-hire-identity-fraud': { label: 'Remote-hire identity fraud', short: 'hire' },
  'insider-technology-collection': { label: 'Insider technology collection', short: 'insider' },
};

/** The report label of a typology id; a custom typology is shown by its id. */
export function typologyLabel(typology: string): string {
  return Object.hasOwn(builtinTypologyNames, typology) ? builtinTypologyNames[typology as BuiltinTypology].label : typology;
}

/** The short tag of a typology id for one-line listings; a custom typology is shown by its id. */
export function typologyShortName(typology: string): string {
  return Object.hasOwn(builtinTypologyNames, typology) ? builtinTypologyNames[typology as BuiltinTypology].short : typology;
}
