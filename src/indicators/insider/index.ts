export { sensitiveTechnologyAccess } from './sensitive-technology-access';
export { bulkCollection } from './bulk-collection';
export { exfiltrationToPersonal } from './exfiltration-to-personal';
export { privilegeSeeking } from './privilege-seeking';
export { intrusionActivity } from './intrusion-activity';
export { impersonation } from './impersonation';
export { codeIntegrity } from './code-integrity';
export { transferAnomaly } from './transfer-anomaly';
export type { Ownership } from './impersonation';
