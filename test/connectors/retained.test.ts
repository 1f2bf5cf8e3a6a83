import { createImporter, type Importer } from '../../src/connectors/run';
import { maxReportEntries } from '../../src/connectors/report';
import { githubAuditConnector } from '../../src/connectors/sources/github-audit';
import { oktaConnector } from '../../src/connectors/sources/okta';
import { fixture } from './support';

const T0 = Date.parse('2025-01-06T08:00:00Z');

/** A GitHub audit-log row as the streaming export writes it: mostly clones and fetches by 200 actors. */
function auditRow(i: number): Record<string, unknown> {
  const actor = `dev-${i % 200}`;
  const repo = `acme/repo-${i % 50}`;
  const common = { '@timestamp': T0 + i * 1000, _document_id: `doc-${i}`, actor, actor_id: 1000 + (i % 200), org: 'acme', operation_type: 'access' };
  if (i % 10 < 6)
    return {
      ...common,
      action: 'git.clone',
      repo,
      actor_ip: `198.51.${i % 250}.${(i >> 8) % 250}`,
      actor_location: { country_code: 'US' },
      transport_protocol_name: 'ssh',
    };
  if (i % 10 < 9) return { ...common, action: 'git.fetch', repo, actor_location: { country_code: 'DE' }, hashed_token: 'c2VjcmV0LWhhc2g=' };
  return { ...common, action: 'issue.create', repo };
}

function importRows(importer: Importer, rows: number, row: (i: number) => unknown): void {
  for (let i = 0; i < rows; i++) importer.push({ value: row(i), line: i + 1 });
}

describe('what an import holds between rows, by count', () => {
  it('holds one compact key per record written and nothing else per row (GitHub audit log)', () => {
    const sizes = [1_000, 2_000].map((rows) => {
      // The listing of skipped rows is bounded on its own (`maxListed`); kept short here to show the rest.
      const importer = createImporter(githubAuditConnector, { maxListed: 10 });
      importRows(importer, rows, auditRow);
      const retained = importer.retained();
      expect(retained.recordKeys).toBe(importer.report().records.written);
      expect(retained.heldSessions + retained.sessionEnds + retained.sessionEndKeys + retained.subjects).toBe(0);
      return retained;
    });
    const [small, large] = sizes as [ReturnType<Importer['retained']>, ReturnType<Importer['retained']>];
    // Twice the rows: twice the keys, and the same report entries (distinct fields and reasons, not rows).
    expect(large.recordKeys).toBe(small.recordKeys * 2);
    expect(large.reportEntries).toBe(small.reportEntries);
    expect(small.reportEntries).toBeLessThan(50);
  }, 120_000);

  it('holds each session that waits for an end from another row as one string, and none with pairing off', () => {
    const rows = (JSON.parse(fixture('okta-system-log.json')) as Record<string, unknown>[]).filter(
      (r) => r['eventType'] === 'user.session.start' && (r['outcome'] as { result?: string }).result === 'SUCCESS',
    );
    const template = rows[0] as Record<string, unknown>;
    const signIn = (i: number): unknown => ({
      ...template,
      uuid: `uuid-${i}`,
      published: new Date(T0 + i * 60_000).toISOString(),
      authenticationContext: { ...(template['authenticationContext'] as object), externalSessionId: `sess-${i}` },
    });
    const paired = createImporter(oktaConnector);
    importRows(paired, 500, signIn);
    const held = paired.retained();
    expect(held.heldSessions).toBe(500);
    expect(held.recordKeys).toBe(0);
    // The text of one session record: a few hundred characters, not an object graph.
    expect(held.heldChars / held.heldSessions).toBeLessThan(600);
    expect(paired.finish()).toHaveLength(500);

    const unpaired = createImporter(oktaConnector, { pairSessionEnds: false });
    importRows(unpaired, 500, signIn);
    expect(unpaired.retained()).toMatchObject({ heldSessions: 0, heldChars: 0, recordKeys: 500 });
  }, 120_000);

  it('bounds the skip reasons however many distinct values they name, and still counts every row', () => {
    const importer = createImporter(githubAuditConnector, { subjectIdOf: () => undefined, maxListed: 10 });
    const rows = maxReportEntries + 2_000;
    // Every row names another unknown account: one distinct reason per row.
    importRows(importer, rows, (i) => ({ ...auditRow(i), actor: `stranger-${i}` }));
    const report = importer.report();
    expect(report.rows.skipped).toBe(rows);
    expect(report.skipped.byReason).toHaveLength(maxReportEntries + 1);
    expect(report.skipped.byReason.reduce((n, r) => n + r.count, 0)).toBe(rows);
    expect(report.skipped.byReason[0]).toEqual({ reason: expect.stringContaining('other reasons'), count: 2_000 });
    expect(importer.retained().reportEntries).toBeLessThanOrEqual(maxReportEntries + 1 + 10 + 20);
  }, 120_000);
});
