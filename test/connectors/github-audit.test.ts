import { createGitHubAuditConnector, githubAuditConnector } from '../../src/connectors/sources/github-audit';
import { createScorer } from '../../src/defaults';
import { createImporter } from '../../src/connectors/run';
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
    expect(byId(records, 'github-audit:doc-override-1')).toMatchObject({
      type: 'code-change',
      action: 'direct-push',
      protectionBypassed: true,
      target: 'main',
    });
    expect(byId(records, 'github-audit:doc-ruleset-1')).toMatchObject({ type: 'code-change', action: 'protection-change', target: 'protect-main' });
  });

  it('maps a visibility change, clones with IP and archive downloads', () => {
    expect(byId(records, 'github-audit:doc-vis-1')).toMatchObject({ action: 'visibility-change', visibility: 'public', at: '2024-04-02T22:00:00.000Z' });
    // The string @timestamp is read as milliseconds; an unknown country code is counted, not guessed.
    expect(byId(records, 'github-audit:doc-clone-1')).toMatchObject({
      type: 'data-access',
      action: 'clone',
      resource: 'acme/payments',
      resourceKind: 'repository',
      ip: '203.0.113.7',
      at: '2024-04-02T23:00:00.000Z',
    });
    expect(byId(records, 'github-audit:doc-clone-1')).not.toHaveProperty('network');
    expect(report.fields.invalid).toEqual([{ path: 'actor_location.country_code', count: 1, reason: 'unknown country', examples: ['Atlantis'] }]);
    expect(byId(records, 'github-audit:doc-zip-1')).toMatchObject({ type: 'data-access', action: 'download', subjectId: 'kofi' });
  });

  it('maps member and role changes as grants to the member, with the actor as grantor', () => {
    expect(byId(records, 'github-audit:doc-member-1')).toMatchObject({
      type: 'privilege',
      subjectId: 'ana-ruiz',
      privilege: 'admin',
      action: 'grant',
      granted: true,
      role: 'admin',
      grantor: 'owner-olu',
      resource: 'acme',
    });
    expect(byId(records, 'github-audit:doc-member-2')).toMatchObject({ privilege: 'repo-admin', role: 'maintain', resource: 'acme/ledger' });
  });

  it('accounts for every row and field: duplicates, unmapped actions, missing times and users are listed', () => {
    // Merges are held for their approvals: a repeated merge row counts as mapped and its record as a duplicate.
    expect(report.rows).toEqual({ read: 12, mapped: 9, sessionEnds: 0, skipped: 3 });
    expect(report.records.duplicates).toEqual({ identical: 1, conflicting: 0 });
    expect(report.skipped.rows.map((r) => [r.line, r.reason])).toEqual([
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

describe('GitHub audit log connector: reviews give merges their approvals', () => {
  const { records, report } = importFixture(githubAuditConnector, 'github-audit-reviews.ndjson');
  const merge = (n: number) => records.find((r) => r['changeId'] === `#${n}`);

  it('counts the approvals that stood at the merge, and whether the author merged', () => {
    // #50: the only approval was dismissed before the author merged it.
    expect(merge(50)).toMatchObject({ action: 'merge', accountId: 'Ana-Ruiz', target: 'main', approvals: 0, selfMerged: true });
    // #51: another reviewer approved (state APPROVED, a repeated delivery), then the author merged: approved, not unreviewed.
    expect(merge(51)).toMatchObject({ approvals: 1, selfMerged: true });
    // #52: approved only after the merge; #53: the approval was replaced by a request for changes.
    expect(merge(52)).toMatchObject({ approvals: 0, selfMerged: true });
    expect(merge(53)).toMatchObject({ approvals: 0 });
    expect(merge(53)).not.toHaveProperty('selfMerged');
    // #7: a later comment leaves the approval standing; the author is not in the input, so no selfMerged.
    expect(merge(7)).toMatchObject({ approvals: 1 });
    expect(merge(7)).not.toHaveProperty('selfMerged');
  });

  it('leaves approvals unknown, not zero, when the input says nothing of the reviews or only of reviews of unknown state', () => {
    expect(merge(8)).not.toHaveProperty('approvals');
    expect(merge(9)).not.toHaveProperty('approvals');
    expect(report.fields.invalid).toEqual([
      { path: 'review_state', count: 1, reason: 'not a review state (approved, changes_requested, commented)', examples: ['LGTM'] },
    ]);
  });

  it('accounts for every row and field', () => {
    expect(report.rows).toEqual({ read: 22, mapped: 20, sessionEnds: 0, skipped: 2 });
    expect(report.skipped.rows.map((r) => [r.line, r.reason.split(':')[0]])).toEqual([
      [21, 'pull_request_review.submit without pull_request_url or pull_request_id'],
      [22, 'pull_request_review.dismiss without review_id or user'],
    ]);
    expect(report.fields.unmapped).toEqual([]);
    expect(report.records.written).toBe(7);
  });

  it('writes merges at once without approvals when asked not to hold them, and says why review rows are skipped', () => {
    const streaming = importFixture(createGitHubAuditConnector({ approvals: false }), 'github-audit-reviews.ndjson');
    expect(streaming.records.filter((r) => r['action'] === 'merge')).toHaveLength(7);
    expect(streaming.records.some((r) => 'approvals' in r || 'selfMerged' in r)).toBe(false);
    expect(streaming.report.skipped.rows[0]?.reason).toMatch(/read only when merges are held for their approvals/);
  });

  it('gives the same merges whatever the order of the rows', () => {
    const reversed = runImport(githubAuditConnector, rowsOf(githubAuditConnector, fixture('github-audit-reviews.ndjson')).reverse()).records;
    expect(reversed).toEqual(records);
  });

  it('lets the code-integrity check judge merges from the audit log: an unreviewed self-merge fires, an independently approved one does not', () => {
    const scorer = createScorer({ config: { indicators: { 'insider/code-integrity': { options: { includeNonSensitive: true } } } } });
    const score = (rows: readonly (typeof records)[number][]) => {
      const result = scorer.scoreBatch({
        asOf: '2024-06-01T00:00:00Z',
        subjects: [{ id: 'ana-ruiz' }],
        events: rows.filter((r) => r['subjectId'] === 'ana-ruiz').map(({ recordType: _, ...r }) => r),
      });
      return result.reports[0]?.findings.filter((f) => f.indicatorId === 'insider/code-integrity') ?? [];
    };
    const fired = score(records);
    expect(fired).toHaveLength(1);
    expect(fired[0]?.evidence.map((e) => e.recordId).sort()).toEqual(['github-audit:rv-merge-50', 'github-audit:rv-merge-52']);
    // With only the independently approved merge, nothing fires.
    expect(score(records.filter((r) => r['changeId'] === '#51'))).toEqual([]);
  });
});

describe('GitHub audit log connector: merges held as text until the input ends', () => {
  // A seeded export of 70 pull requests, rows shuffled: creations, reviews of every state (and none),
  // dismissals by id, by user and by neither, merges with and without a target or a document id,
  // repeated deliveries, conflicting rows under one id, ids with quotes, accents and control characters.
  const name = 'github-audit-merges.ndjson';
  const ndjson = (records: readonly object[]) => records.map((r) => `${JSON.stringify(r)}\n`).join('');

  it('writes the same bytes and the same report as merges held as objects did', () => {
    // The expected files were written by the import before merges were held as text.
    const { records, report } = importFixture(githubAuditConnector, name);
    expect(ndjson(records)).toBe(fixture('github-audit-merges.expected.ndjson'));
    expect(report).toEqual(JSON.parse(fixture('github-audit-merges.report.json')));
    expect(report.records.duplicates.conflicting).toBeGreaterThan(0);
  });

  it('writes the same bytes whatever the order of the rows', () => {
    const rows = rowsOf(githubAuditConnector, fixture(name), 4096);
    expect(ndjson(runImport(githubAuditConnector, rows.slice().reverse()).records)).toBe(fixture('github-audit-merges.expected.ndjson'));
    const interleaved = [...rows.filter((_, i) => i % 2 === 1), ...rows.filter((_, i) => i % 2 === 0)];
    expect(ndjson(runImport(githubAuditConnector, interleaved).records)).toBe(fixture('github-audit-merges.expected.ndjson'));
  });

  it('holds each merge as one string of a few hundred characters, and lets them go as the records are read', () => {
    const importer = createImporter(githubAuditConnector);
    const rows = rowsOf(githubAuditConnector, fixture(name), 4096);
    for (const row of rows) expect(importer.push(row)).toEqual([]);
    const merges = rows.filter((r) => (r.value as { action?: string }).action === 'pull_request.merge').length;
    const held = importer.retained();
    expect(held.connectorRecords).toBe(merges);
    expect(held.connectorChars / merges).toBeLessThan(400);
    const records = importer.finishEach()[Symbol.iterator]();
    expect(records.next().done).toBe(false);
    // finish and finishEach give the input's end once.
    expect(importer.finish()).toEqual([]);
    let rest = 1;
    while (records.next().done !== true) rest++;
    expect(rest).toBe(importer.report().records.written);
    expect(importer.retained()).toMatchObject({ connectorRecords: 0, connectorChars: 0 });
  });

  it('holds nothing with --no-approvals', () => {
    const importer = createImporter(createGitHubAuditConnector({ approvals: false }));
    for (const row of rowsOf(githubAuditConnector, fixture(name), 4096)) importer.push(row);
    expect(importer.retained()).toMatchObject({ connectorRecords: 0, connectorChars: 0 });
  });
});
