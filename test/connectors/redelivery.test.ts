import type { Connector } from '../../src/connectors/contract';
import { csvMappings } from '../../src/connectors/mappings/index';
import { checkrConnector } from '../../src/connectors/sources/checkr';
import { csvConnector } from '../../src/connectors/sources/csv-mapping';
import { defenderConnector } from '../../src/connectors/sources/defender';
import { entraConnector } from '../../src/connectors/sources/entra';
import { githubAuditConnector } from '../../src/connectors/sources/github-audit';
import { googleWorkspaceConnector } from '../../src/connectors/sources/google-workspace';
import { intuneConnector } from '../../src/connectors/sources/intune';
import { jamfConnector } from '../../src/connectors/sources/jamf';
import { oktaConnector } from '../../src/connectors/sources/okta';
import { createOsqueryConnector, osqueryConnector } from '../../src/connectors/sources/osquery';
import { fixture, importFixture, rowsOf, runImport } from './support';

// Every source's fixtures, as exports arrive in practice: delivered twice (at-least-once streaming,
// overlapping pages or exports) and out of order. The records must be the same as from one
// delivery in file order, every repeat counted as a duplicate, every row accounted for.
const cases: readonly [string, Connector][] = [
  ['okta-system-log.json', oktaConnector],
  ['okta-event-hook.json', oktaConnector],
  ['okta-siem-lowercase.ndjson', oktaConnector],
  ['entra-graph-v1.json', entraConnector],
  ['entra-graph-beta.json', entraConnector],
  ['entra-event-hub.json', entraConnector],
  ['google-login-audit.json', googleWorkspaceConnector],
  ['osquery-results.ndjson', osqueryConnector],
  ['osqueryi-usb.json', createOsqueryConnector({ at: '2024-04-02T12:00:00Z', device: 'LAPTOP-0042' })],
  ['intune-managed-devices.json', intuneConnector],
  ['intune-detected-apps.json', intuneConnector],
  ['jamf-computers-inventory.json', jamfConnector],
  ['defender-advanced-hunting.json', defenderConnector],
  ['defender-event-hub.json', defenderConnector],
  ['defender-device-control-network.json', defenderConnector],
  ['hris.csv', csvConnector(csvMappings['hris']!)],
  ['ats.csv', csvConnector(csvMappings['ats']!)],
  ['github-audit.json', githubAuditConnector],
  ['github-audit-reviews.ndjson', githubAuditConnector],
  ['checkr-reports.json', checkrConnector],
];

describe.each(cases)('%s delivered twice, out of order', (name, connector) => {
  it('gives the records of one delivery, each repeat counted as a duplicate', () => {
    const once = importFixture(connector, name);
    expect(once.records.length).toBeGreaterThan(0);
    const rows = rowsOf(connector, fixture(name));
    const twice = runImport(connector, [...rows.slice().reverse(), ...rows]);
    const text = (records: readonly object[]) => records.map((r) => JSON.stringify(r)).sort();
    const ids = (records: readonly Record<string, unknown>[]) => records.map((r) => `${String(r['recordType'])} ${String(r['id'])}`).sort();
    // Rows that give one id different content keep the first in input order, by design: then only the ids are the same.
    if (once.report.records.duplicates.conflicting > 0) expect(ids(twice.records)).toEqual(ids(once.records));
    else expect(text(twice.records)).toEqual(text(once.records));
    expect(twice.report.records.duplicates.conflicting).toBe(2 * once.report.records.duplicates.conflicting);
    // Checkr reports are folded per report id (a webhook repeats a report as it changes), not written per row.
    if (connector !== checkrConnector) {
      const repeats = twice.report.records.duplicates.identical + twice.report.records.duplicates.conflicting;
      expect(repeats).toBe(once.report.records.written + 2 * (once.report.records.duplicates.identical + once.report.records.duplicates.conflicting));
    }
    expect(twice.report.rows.read).toBe(2 * once.report.rows.read);
    expect(twice.report.rows.mapped + twice.report.rows.sessionEnds + twice.report.rows.skipped).toBe(twice.report.rows.read);
    expect(twice.report.sessionEnds).toEqual(once.report.sessionEnds);
  });
});
