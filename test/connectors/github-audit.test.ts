import { githubAuditConnector } from '../../src/connectors/sources/github-audit';
import { byId, fixture, importFixture, rowsOf, runImport } from './support';

describe('GitHub audit log connector', () => {
  const { records, report } = importFixture(githubAuditConnector, 'github-audit.json');

  it('maps a merge with its pull-request number, and a policy override as an unreviewed update with protection bypassed', () => {
    expect(byId(records, 'github-audit:doc-merge-1')).toEqual({
      recordType: 'event',
      id: 'github-audit:doc-merge-1',
      subjectId: 'ana-ruiz',
      at: '2024-04-02T20:00:00.000Z',
      source: 'github-audit',
      type: 'code-change',
      action: 'merge',
      repository: 'acme/payments',
      changeId: '#42',
      accountId: 'Ana-Ruiz',
    });
    expect(byId(records, 'github-audit:doc-override-1')).toMatchObject({ type: 'code-change', action: 'direct-push', protectionBypassed: true, target: 'main' });
    expect(byId(records, 'github-audit:doc-ruleset-1')).toMatchObject({ type: 'code-change', action: 'protection-change', target: 'protect-main' });
  });

  it('maps a visibility change, clones with IP and archive downloads', () => {
    expect(byId(records, 'github-audit:doc-vis-1')).toMatchObject({ action: 'visibility-change', visibility: 'public', at: '2024-04-02T22:00:00.000Z' });
    // The string @timestamp is read as milliseconds; an unknown country code is counted, not guessed.
    expect(byId(records, 'github-audit:doc-clone-1')).toMatchObject({ type: 'data-access', action: 'clone', resource: 'acme/payments', resourceKind: 'repository', ip: '203.0.113.7', at: '2024-04-02T23:00:00.000Z' });
    expect(byId(records, 'github-audit:doc-clone-1')).not.toHaveProperty('network');
    expect(report.fields.invalid).toEqual([{ path: 'actor_location.country_code', count: 1, reason: 'unknown country', examples: ['Atlantis'] }]);
    expect(byId(records, 'github-audit:doc-zip-1')).toMatchObject({ type: 'data-access', action: 'download', subjectId: 'kofi' });
  });

  it('maps member and role changes as grants to the member, with the actor as grantor', () => {
    expect(byId(records, 'github-audit:doc-member-1')).toMatchObject({ type: 'privilege', subjectId: 'ana-ruiz', privilege: 'admin', action: 'grant', granted: true, role: 'admin', grantor: 'owner-olu', resource: 'acme' });
    expect(byId(records, 'github-audit:doc-member-2')).toMatchObject({ privilege: 'repo-admin', role: 'maintain', resource: 'acme/ledger' });
  });

  it('accounts for every row and field: duplicates, unmapped actions, missing times and users are listed', () => {
    expect(report.rows).toEqual({ read: 12, mapped: 8, sessionEnds: 0, skipped: 4 });
    expect(report.records.duplicates).toEqual({ identical: 1, conflicting: 0 });
    expect(report.skipped.rows.map((r) => [r.line, r.reason])).toEqual([
      [10, 'duplicate: every record of the row was given by an earlier row'],
      [11, 'action "issue.create" is not mapped (not a merge, protection override or change, visibility change, clone or download, or member or role change)'],
      [12, 'no readable @timestamp or created_at'],
      [13, 'org.add_member without a user: no account whose role changed'],
    ]);
    expect(report.fields.unmapped).toEqual([{ path: 'ruleset_enforcement', count: 1 }]);
  });

  it('gives the same records whatever the order of the rows and the chunking of the text', () => {
    const rows = rowsOf(githubAuditConnector, fixture('github-audit.json'), 3);
    const reversed = runImport(githubAuditConnector, rows.slice().reverse()).records;
    const sort = (r: readonly object[]) => r.map((x) => JSON.stringify(x)).sort();
    expect(sort(reversed)).toEqual(sort(records));
  });
});
