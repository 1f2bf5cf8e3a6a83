import { z } from 'zod';
import { unorderedStrings } from './common';

/** Fields of a code-change event: a merge, push, deployment or pipeline change, from a code host or CI/CD audit log. */
export const codeChangeShape = {
  action: z
    .enum(['merge', 'direct-push', 'deploy', 'release', 'pipeline-change', 'protection-change', 'visibility-change'])
    .describe(
      'merge (a pull or merge request merged; GitHub pull_request.merged, GitLab merge_request), direct-push (a push to a protected branch without a review), deploy (a deployment to an environment), release (a package or build published), pipeline-change (CI/CD configuration or secrets changed, e.g. workflow files or GitLab CI variables), protection-change (branch protection or rulesets changed), visibility-change (the repository was made public, internal or private; GitHub repo.access, see visibility).',
    ),
  repository: z.string().optional().describe('Repository, e.g. acme/payments.'),
  target: z.string().optional().describe('Target branch or environment, e.g. main or production.'),
  changeId: z.string().optional().describe('Pull or merge request number, deployment id or commit SHA.'),
  accountId: z.string().optional().describe('Code-host account that performed the action.'),
  approvals: z.number().int().nonnegative().optional().describe('Approving reviews from people other than the author at merge time.'),
  selfApproved: z.boolean().optional().describe('True when the author approved their own change (e.g. with a second account).'),
  selfMerged: z.boolean().optional().describe('True when the author merged their own change.'),
  protectionBypassed: z
    .boolean()
    .optional()
    .describe('True when branch protection or a ruleset was bypassed (GitHub protected_branch.policy_override, GitLab push rule bypass).'),
  visibility: z
    .enum(['public', 'internal', 'private'])
    .optional()
    .describe('For visibility-change: the visibility the repository was given (public exposes it to anyone).'),
  paths: unorderedStrings(z.string()).optional().describe('Paths changed.'),
  tags: unorderedStrings(z.string())
    .optional()
    .describe(
      'Sensitivity of the paths or repository as tagged by the caller (e.g. value-moving, pipeline, auth), matched with reference.organisation.sensitivityTags.',
    ),
};

/** Fields added to a privilege event: the role, who granted it, and the tenure at grant. */
export const privilegeDetailShape = {
  role: z.string().optional().describe('Role or group granted, as the system names it (e.g. Org Owner, Global Administrator, AWS AdministratorAccess).'),
  grantor: z.string().optional().describe('Who granted or approved it (account or name); the same person as the subject means self-granted.'),
  tenureDaysAtGrant: z
    .number()
    .nonnegative()
    .optional()
    .describe('Days since the start of the engagement when the privilege was granted, when the source gives it (otherwise derived from the start date).'),
};

/** Fields of a transfer-anomaly event: a custody or treasury platform flagged a transfer the subject touched. */
export const transferAnomalyShape = {
  platform: z.string().optional().describe('Custody, treasury or payments platform that reported it (e.g. a wallet custody or treasury-management system).'),
  anomaly: z
    .enum(['new-destination', 'unusual-amount', 'limit-exceeded', 'policy-override', 'signer-change', 'allowlist-change', 'other'])
    .describe(
      'What the platform flagged: new-destination (a first transfer to an address or account), unusual-amount, limit-exceeded, policy-override (an approval policy bypassed), signer-change (a signer or quorum changed), allowlist-change (the destination allow-list changed), other.',
    ),
  role: z.enum(['initiator', 'approver', 'signer', 'administrator']).optional().describe("The subject's part in the transfer."),
  amount: z.number().optional().describe('Amount of the transfer, in major units of the asset.'),
  asset: z.string().optional().describe('Currency or asset, e.g. USD, USDT, ETH.'),
  destination: z.string().optional().describe('Destination wallet address or account (or a keyed hash).'),
  severity: z.enum(['low', 'medium', 'high', 'critical']).optional().describe('Severity the platform gave.'),
  detail: z.string().optional().describe('Free-text detail from the platform.'),
};
