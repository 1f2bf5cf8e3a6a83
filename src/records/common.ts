import { z } from 'zod';

/** A non-empty identifier of a record, unique within its kind. */
export const recordIdSchema = z.string().min(1).describe('Identifier of the record, unique within its kind.');

/**
 * A list of strings whose order carries no meaning (vendor reason codes, tags, banners...). It is
 * sorted when parsed, so an indicator that joins or picks from it gives the same finding whatever
 * order the source system listed it in: record order must never change a report.
 */
export function unorderedStrings<T extends z.ZodType<string>>(item: T) {
  // zod copies arrays while parsing, so sorting the output in place never touches the caller's input.
  return z.array(item).overwrite((list) => list.sort());
}

/** An ISO 8601 date-time with an explicit offset or `Z`, such as `2025-03-01T09:30:00Z`. */
export const dateTimeSchema = z.iso
  .datetime({ offset: true })
  .describe('ISO 8601 date-time with an offset or Z, e.g. 2025-03-01T09:30:00Z.');

/** A calendar date or a part of one: `2019`, `2019-06` or `2019-06-30`, as resumes give them. */
export const partialDateSchema = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'Expected YYYY, YYYY-MM or YYYY-MM-DD')
  .describe('A date or part of one: YYYY, YYYY-MM or YYYY-MM-DD.');

/** An ISO 3166-1 alpha-2 country code in upper case, such as `US`. */
export const countryCodeSchema = z
  .string()
  .regex(/^[A-Z]{2}$/, 'Expected an ISO 3166-1 alpha-2 country code in upper case, such as "US"')
  .describe('ISO 3166-1 alpha-2 country code, upper case.');

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** An IANA time-zone name that this runtime's `Intl` knows, such as `America/Chicago`. */
export const timeZoneSchema = z
  .string()
  .refine(isTimeZone, 'Expected an IANA time zone such as "America/Chicago"')
  .describe('IANA time-zone name, e.g. America/Chicago.');

/** Where a fact came from: `resume`, `application-form`, `idv:<vendor>`, `background-check`, `hris`... */
export const sourceSchema = z
  .string()
  .min(1)
  .describe('Where the fact came from, e.g. resume, application-form, idv:vendor, background-check, hris.');

/** Free-form data a caller attaches for custom indicators; built-ins never read it. */
export const extensionsSchema = z
  .record(z.string(), z.unknown())
  .describe('Caller-defined data for custom indicators. Built-in indicators never read it.');

/** A postal address as given by the person or a system of record. */
export const postalAddressSchema = z.object({
  line1: z.string().optional().describe('First address line: street and number.'),
  line2: z.string().optional().describe('Second address line: unit, suite or apartment.'),
  city: z.string().optional().describe('City or locality.'),
  region: z.string().optional().describe('State, province or region.'),
  postalCode: z.string().optional().describe('Postal or ZIP code.'),
  country: countryCodeSchema.optional(),
});

/** A postal address. */
export type PostalAddress = z.infer<typeof postalAddressSchema>;

/** Result states of a confirmation by a reference, registry or other independent party. */
export const confirmationSchema = z
  .enum(['confirmed', 'unconfirmed', 'contradicted', 'not-checked'])
  .describe('Whether an independent party confirmed the entry: confirmed, unconfirmed (tried, could not), contradicted, not-checked.');

/** Whether an independent party confirmed a history entry. */
export type Confirmation = z.infer<typeof confirmationSchema>;
