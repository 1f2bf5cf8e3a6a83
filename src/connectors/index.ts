/**
 * Connectors: map exports of HR, identity-provider and security systems onto redflags records,
 * with a report that accounts for every row and field. Pure functions, no I/O: they run in any
 * JavaScript runtime; `redflags import` streams files through them.
 *
 * @packageDocumentation
 */
export { defineConnector, skip, commonWrappers } from './contract';
export type { Connector, ConnectorSession, MapContext, RecordDraft, RowResult, SessionEnd, SourceFormat, VendorDoc } from './contract';
export { FieldReader, readRow } from './reader';
export type { FieldUse } from './reader';
export { createImporter, importRows, importAll } from './run';
export type { ImportedRecord, ImportOptions, Importer, RetainedCounts, SourceRow } from './run';
export type { MappingReport, FieldCount, FieldCountWithReason, SkippedRow } from './report';
export { createJsonRowSplitter } from './text/json-rows';
export type { JsonRowSplitter } from './text/json-rows';
export { createCsvParser, createCsvRowReader } from './text/csv';
export type { CsvParser, CsvRecord } from './text/csv';
export { expandWrappers } from './text/wrappers';
export { parseCountry } from './helpers/country';
export { parseTime, parseDate } from './helpers/time';
export type { DateOrder } from './helpers/time';
export { compact, parseBoolean, parseNumber, contentId, canonicalJson } from './helpers/values';
export { mfaMethodOf } from './helpers/mfa';
export type { MfaMethod } from './helpers/mfa';
export { oktaConnector } from './sources/okta';
export { entraConnector } from './sources/entra';
export { googleWorkspaceConnector } from './sources/google-workspace';
export { githubAuditConnector, createGitHubAuditConnector } from './sources/github-audit';
export type { GitHubAuditOptions } from './sources/github-audit';
export { certInsiderConnector } from './sources/cert-insider';
export { checkrConnector } from './sources/checkr';
export { connectors, findConnector } from './registry';
export { osqueryConnector, createOsqueryConnector, parseOsqueryCalendarTime } from './sources/osquery';
export type { OsqueryOptions } from './sources/osquery';
export { intuneConnector } from './sources/intune';
export { defenderConnector } from './sources/defender';
export { jamfConnector } from './sources/jamf';
export { sessionDraft, sessionEnd, accountIpSessionKey } from './helpers/sessions';
export { deviceOwner, osPlatformOf, usbHexId, usbIdsOfPnp, serialOf } from './helpers/devices';
export type { DeviceOwner, OsPlatform } from './helpers/devices';
export { csvConnector, checkCsvMapping, csvMappingSchema, columnMappingSchema } from './sources/csv-mapping';
export type { CsvMapping, CsvMappingCheck } from './sources/csv-mapping';
export { csvMappings } from './mappings/index';
