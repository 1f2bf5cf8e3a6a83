import { defineConnector, skip, type Connector, type ConnectorSession, type MapContext, type RecordDraft, type RowResult } from '../contract';
import type { FieldReader } from '../reader';
import { PullRequestLedger, reviewStates } from './github-reviews';
import { lookupTable } from '../../util/lookupTable';

/** Repository permissions and organisation roles that administer: they map to the model's `repo-admin` and `admin` privileges. */
const repoAdminRoles = new Set(['admin', 'maintain']);
const orgAdminRoles = new Set(['admin', 'owner', 'owners']);

/** Member and role actions: whose privilege changed is `user`, who changed it is `actor`. */
const memberActions: Readonly<Record<string, { readonly scope: 'org' | 'repo' | 'team' | 'business'; readonly role?: string }>> = /* @__PURE__ */ lookupTable({
  'org.add_member': { scope: 'org' },
  'org.update_member': { scope: 'org' },
  'org.add_billing_manager': { scope: 'org', role: 'billing_manager' },
  'org.invite_member': { scope: 'org' },
  'repo.add_member': { scope: 'repo' },
  'repo.update_member': { scope: 'repo' },
  'team.add_member': { scope: 'team' },
  'team.promote_maintainer': { scope: 'team', role: 'maintainer' },
  'team.add_repository': { scope: 'team' },
  'business.add_admin': { scope: 'business', role: 'owner' },
  'business.add_billing_manager': { scope: 'business', role: 'billing_manager' },
});

/** Actions that change branch protection or rulesets. */
function isProtectionChange(action: string): boolean {
  if (action === 'protected_branch.policy_override' || action === 'protected_branch.rejected_ref_update') return false;
  return (
    action.startsWith('protected_branch.') ||
    action.startsWith('repository_ruleset.') ||
    action.startsWith('org.ruleset') ||
    action === 'repo.update_branch_protection'
  );
}

/** Git and archive downloads: clones, fetches and zip or tarball downloads of a repository. */
const dataActions: Readonly<Record<string, 'clone' | 'read' | 'download' | 'push'>> = /* @__PURE__ */ lookupTable({
  'git.clone': 'clone',
  'git.fetch': 'read',
  'git.push': 'push',
  'repo.download_zip': 'download',
});

const visibilities: Readonly<Record<string, 'public' | 'internal' | 'private'>> = /* @__PURE__ */ lookupTable({
  public: 'public',
  internal: 'internal',
  private: 'private',
});

/** The pull-request number from `pull_request_url` (`https://github.com/acme/api/pull/42`), else the id. */
function pullRequestNumber(row: FieldReader): string | undefined {
  const url = row.string('pull_request_url');
  const m = url === undefined ? null : /\/pull\/(\d{1,12})(?:$|[/?#])/.exec(url);
  if (m !== null) return `#${m[1] as string}`;
  return row.string('pull_request_id');
}

function roleOf(row: FieldReader, fixed: string | undefined): string | undefined {
  if (fixed !== undefined) return fixed;
  return row.string('permission') ?? row.string('role') ?? row.string('new_role');
}

function privilegeOf(scope: string, role: string | undefined): 'admin' | 'repo-admin' | 'other' {
  const r = role?.toLowerCase();
  if (r === undefined) return 'other';
  if (scope === 'repo' || scope === 'team') return repoAdminRoles.has(r) ? 'repo-admin' : 'other';
  return orgAdminRoles.has(r) ? 'admin' : 'other';
}

/** Pull-request events that feed the approvals of merges: they give no record of their own. */
const reviewActions = new Set(['pull_request_review.submit', 'pull_request_review.dismiss', 'pull_request_review.delete', 'pull_request.create']);

function mapGitHub(row: FieldReader, ctx: MapContext): RowResult {
  const action = row.string('action');
  if (action === undefined) return skip('no action: not an audit-log event');
  const name = action.toLowerCase();
  if (reviewActions.has(name)) return skip(`${name}: review and pull-request events are read only when merges are held for their approvals`);
  const at = row.time('@timestamp') ?? row.time('created_at') ?? row.time('timestamp');
  if (at === undefined) return skip('no readable @timestamp or created_at');
  const actor = row.string('actor');
  const repository = row.string('repo') ?? row.string('repository');
  const id = `${ctx.source}:${row.string('_document_id') ?? `h${row.contentHash()}`}`;
  const base = { id, at, source: ctx.source };
  const actorSubject = (): string | undefined => (actor === undefined ? undefined : ctx.subjectIdFor(actor));
  const drafts: RecordDraft[] = [];

  const member = memberActions[name];
  if (member !== undefined) {
    const user = row.string('user');
    if (user === undefined) return skip(`${name} without a user: no account whose role changed`);
    const subjectId = ctx.subjectIdFor(user);
    if (subjectId === undefined) return skip(`no subject for account "${user}"`);
    const role = roleOf(row, member.role) ?? (member.scope === 'team' ? undefined : 'member');
    const team = row.string('team');
    const resource =
      member.scope === 'repo'
        ? repository
        : member.scope === 'team'
          ? (team ?? repository)
          : member.scope === 'business'
            ? row.string('business')
            : row.string('org');
    row.ignore('old_permission', 'the previous role: the record keeps the role granted');
    drafts.push({
      recordType: 'event',
      record: {
        ...base,
        subjectId,
        type: 'privilege',
        privilege: privilegeOf(member.scope, role),
        action: 'grant',
        granted: true,
        resource,
        role,
        grantor: actor,
      },
    });
    return { records: drafts };
  }

  const subjectId = actorSubject();
  if (actor === undefined) return skip(`${name} without an actor`);
  if (subjectId === undefined) return skip(`no subject for account "${actor}"`);
  const who = { ...base, subjectId };

  if (name === 'pull_request.merge') {
    drafts.push({
      recordType: 'event',
      record: {
        ...who,
        type: 'code-change',
        action: 'merge',
        repository,
        changeId: pullRequestNumber(row),
        accountId: actor,
        target: row.string('base_ref') ?? row.string('branch'),
      },
    });
    row.ignore('pull_request_title', 'title of the pull request: free text, never scored');
    row.ignore('pull_request_id', 'internal id of the pull request: the number from pull_request_url is kept');
    row.ignore('user', 'author of the pull request as the event names it: not used to infer a self-merge');
    return { records: drafts };
  }
  if (name === 'protected_branch.policy_override' || name === 'repository_ruleset.bypass' || name === 'repo.rules_bypass') {
    // The protected branch was updated although its rules were not met: an unreviewed update with protection bypassed.
    drafts.push({
      recordType: 'event',
      record: {
        ...who,
        type: 'code-change',
        action: 'direct-push',
        protectionBypassed: true,
        repository,
        target: row.string('branch') ?? row.string('name') ?? row.string('ref'),
        accountId: actor,
      },
    });
    return { records: drafts };
  }
  if (isProtectionChange(name)) {
    drafts.push({
      recordType: 'event',
      record: {
        ...who,
        type: 'code-change',
        action: 'protection-change',
        repository,
        target: row.string('branch') ?? row.string('name'),
        changeId: name,
        accountId: actor,
      },
    });
    return { records: drafts };
  }
  if (name === 'repo.access') {
    const visibility = row.oneOf('visibility', visibilities, 'not a repository visibility (public, internal, private)');
    drafts.push({ recordType: 'event', record: { ...who, type: 'code-change', action: 'visibility-change', visibility, repository, accountId: actor } });
    row.ignore('previous_visibility', 'visibility before the change: the record keeps the new one');
    return { records: drafts };
  }
  const dataAction = dataActions[name];
  if (dataAction !== undefined) {
    if (repository === undefined) return skip(`${name} without a repository`);
    drafts.push({
      recordType: 'event',
      record: {
        ...who,
        type: 'data-access',
        action: dataAction,
        resource: repository,
        resourceKind: 'repository',
        accountId: actor,
        ip: row.string('actor_ip'),
        network: { country: row.country('actor_location.country_code') },
        destination: dataAction === 'push' ? { kind: 'corporate', host: 'github.com' } : undefined,
      },
    });
    row.ignore('transport_protocol_name', 'http or ssh: how the repository was read, not what');
    row.ignore('transport_protocol', 'numeric form of transport_protocol_name');
    row.ignore('repository_public', 'whether the repository is public at the time: the visibility change is its own event');
    return { records: drafts };
  }
  return skip(`action "${name}" is not mapped (not a merge, protection override or change, visibility change, clone or download, or member or role change)`);
}

/** A pull request across rows: the repository and the number (or id when there is no URL). */
function pullRequestKey(row: FieldReader): string | undefined {
  const number = pullRequestNumber(row);
  if (number === undefined) return undefined;
  return `${(row.string('repo') ?? row.string('repository') ?? '').toLowerCase()}|${number}`;
}

/** A review submitted, dismissed or deleted, or a pull request opened: what the merge's approvals need, held in the ledger. */
function mapReviewEvent(row: FieldReader, name: string, ledger: PullRequestLedger): RowResult {
  const at = row.time('@timestamp') ?? row.time('created_at') ?? row.time('timestamp');
  if (at === undefined) return skip('no readable @timestamp or created_at');
  const key = pullRequestKey(row);
  if (key === undefined) return skip(`${name} without pull_request_url or pull_request_id: no pull request to attach it to`);
  row.ignore('pull_request_title', 'title of the pull request: free text, never scored');
  row.ignore('pull_request_id', 'internal id of the pull request: the number from pull_request_url is kept');
  row.ignore('_document_id', 'id of a review or pull-request event: it gives no record of its own, only the approvals of the merge');
  if (name === 'pull_request_review.dismiss' || name === 'pull_request_review.delete') {
    const reviewId = row.string('review_id');
    const reviewer = reviewId === undefined ? row.string('user') : undefined;
    if (reviewId === undefined && reviewer === undefined) return skip(`${name} without review_id or user: which review no longer counts is unknown`);
    if (reviewId !== undefined) row.ignore('user', 'the review is named by review_id');
    row.ignore('actor', 'who dismissed the review: the dismissal matters, not by whom');
    ledger.dismissed(key, at, reviewId, reviewer);
    return { held: true };
  }
  const actor = row.string('actor');
  if (actor === undefined) return skip(`${name} without an actor`);
  if (name === 'pull_request.create') {
    row.ignore('user', 'the actor opened the pull request');
    ledger.opened(key, actor, at);
    return { held: true };
  }
  // Exports name the review's state review_state or state; a review of no known state is unknown, never an approval.
  const state = row.has('review_state')
    ? row.oneOf('review_state', reviewStates, 'not a review state (approved, changes_requested, commented)')
    : row.oneOf('state', reviewStates, 'not a review state (approved, changes_requested, commented)');
  row.ignore('user', 'the actor is the reviewer');
  ledger.reviewed(key, actor, at, state ?? 'unknown', row.string('review_id'));
  return { held: true };
}

/** Merges are held until the input ends (each as its text), to carry the approvals the reviews in any row give them. */
function createGitHubSession(): ConnectorSession {
  const ledger = new PullRequestLedger();
  return {
    mapRow(row, ctx): RowResult {
      const name = row.string('action')?.toLowerCase();
      if (name !== undefined && reviewActions.has(name)) return mapReviewEvent(row, name, ledger);
      const result = mapGitHub(row, ctx);
      const key = name === 'pull_request.merge' ? pullRequestKey(row) : undefined;
      if (key === undefined || 'skip' in result) return result;
      for (const draft of result.records ?? []) ledger.merged(key, draft);
      return { held: true };
    },
    finish: () => ledger.drafts(),
    held: () => ledger.held,
  };
}

/** Options of the GitHub audit-log connector. */
export interface GitHubAuditOptions {
  /**
   * Hold merges until the input ends to give them the approvals the review events carry
   * (memory grows with the merges, not with bytes). False writes merges at once without
   * `approvals` and skips review events. Default true.
   */
  readonly approvals?: boolean;
}

/**
 * GitHub organisation and enterprise audit log, as the REST API (`GET /orgs/{org}/audit-log`),
 * the JSON export and audit-log streaming write it: pull-request merges and protected-branch
 * policy overrides as code-change events, branch-protection and ruleset changes as
 * protection changes, repository visibility changes, clones, fetches, pushes and archive
 * downloads as data-access events, and member and role grants as privilege events of the
 * member (the actor is the grantor). Merges carry the approvals that stood when they were
 * merged (`pull_request_review.submit`, `.dismiss`, `.delete`) and whether the author
 * (`pull_request.create`) merged, when the input holds them: merges are written when the input ends.
 */
export function createGitHubAuditConnector(options: GitHubAuditOptions = {}): Connector {
  const approvals = options.approvals ?? true;
  return defineConnector({
    id: 'github-audit',
    title: 'GitHub audit log',
    docs: [
      {
        title: 'Audit log events for your organization',
        url: 'https://docs.github.com/en/organizations/keeping-your-organization-secure/managing-security-settings-for-your-organization/audit-log-events-for-your-organization',
      },
      { title: 'REST API: get the audit log for an organization', url: 'https://docs.github.com/en/rest/orgs/orgs#get-the-audit-log-for-an-organization' },
      {
        title: 'About pull request reviews (approvals, requested changes)',
        url: 'https://docs.github.com/en/pull-requests/collaborating-with-pull-requests/reviewing-changes-in-pull-requests/about-pull-request-reviews',
      },
      {
        title: 'Dismissing a pull request review',
        url: 'https://docs.github.com/en/pull-requests/collaborating-with-pull-requests/reviewing-changes-in-pull-requests/dismissing-a-pull-request-review',
      },
      {
        title: 'Streaming the audit log for your enterprise',
        url: 'https://docs.github.com/en/enterprise-cloud@latest/admin/monitoring-activity-in-your-enterprise/reviewing-audit-logs-for-your-enterprise/streaming-the-audit-log-for-your-enterprise',
      },
    ],
    format: 'json',
    wrappers: ['value', 'records', 'items'],
    ignored: {
      created_at: 'when GitHub recorded the event: @timestamp, when the action happened, is read first',
      actor_location: 'where the actor was: kept only on data-access events, the records that carry an IP',
      actor_id: 'numeric id of the actor: the login is the account',
      user_id: 'numeric id of the user: the login is the account',
      org_id: 'numeric id of the organisation',
      repo_id: 'numeric id of the repository: the name is kept',
      business_id: 'numeric id of the enterprise',
      org: 'organisation name: the repository name carries it',
      business: 'enterprise name',
      operation_type: 'create, modify, remove, access...: the action is read',
      request_id: 'id of the HTTP request',
      user_agent: 'client of the actor: not recorded on code or data events',
      programmatic_access_type: 'how a token or app authenticated',
      hashed_token: 'hash of the token used',
      token_id: 'id of the token used',
      token_scopes: 'scopes of the token used',
      external_identity_nameid: 'SAML name id of the actor: map it with --subject-map when logins differ',
      external_identity_username: 'SCIM user name of the actor',
      actor_is_bot: 'whether the actor is a bot',
      public_repo: 'whether the repository is public',
    },
    detect: (row) => row.has('action') && (row.has('@timestamp') || row.has('created_at')),
    mapRow: mapGitHub,
    ...(approvals ? { createSession: createGitHubSession } : {}),
  });
}

/** The GitHub audit-log connector with its defaults (merges carry their approvals): see {@link createGitHubAuditConnector}. */
export const githubAuditConnector = createGitHubAuditConnector();
