import type { Connector } from './contract';
import { certInsiderConnector } from './sources/cert-insider';
import { checkrConnector } from './sources/checkr';
import { entraConnector } from './sources/entra';
import { githubAuditConnector } from './sources/github-audit';
import { googleWorkspaceConnector } from './sources/google-workspace';
import { oktaConnector } from './sources/okta';
import { osqueryConnector } from './sources/osquery';
import { intuneConnector } from './sources/intune';
import { defenderConnector } from './sources/defender';
import { jamfConnector } from './sources/jamf';

/** The built-in connectors, by id. The CSV connector needs a mapping: see `csvConnector`. */
export const connectors: Readonly<Record<string, Connector>> = Object.freeze({
  [oktaConnector.id]: oktaConnector,
  [entraConnector.id]: entraConnector,
  [googleWorkspaceConnector.id]: googleWorkspaceConnector,
  [osqueryConnector.id]: osqueryConnector,
  [intuneConnector.id]: intuneConnector,
  [defenderConnector.id]: defenderConnector,
  [jamfConnector.id]: jamfConnector,
  [githubAuditConnector.id]: githubAuditConnector,
  [certInsiderConnector.id]: certInsiderConnector,
  [checkrConnector.id]: checkrConnector,
});

/** A built-in connector by id (case-insensitive), or undefined. */
export function findConnector(id: string): Connector | undefined {
  return connectors[id.toLowerCase()];
}
