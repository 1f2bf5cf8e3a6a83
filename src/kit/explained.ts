/**
 * Which declared records explain a behaviour measure's change, so the own-baseline and
 * peer-baseline indicators silence exactly the same signals for the same records.
 *
 * @packageDocumentation
 */

import type { Mitigation } from '../contract/types';
import type { Subject } from '../records/subject';
import type { BehaviourMeasure } from './behaviour';
import { describeException, exceptionsOverlapping, type DeclaredException } from './declared';

/** Exceptions as the mitigations a report lists. */
export function exceptionMitigations(list: readonly DeclaredException[]): Mitigation[] {
  return list.map((x) => ({ recordId: x.id, field: 'exceptions', explains: describeException(x) }));
}

/**
 * The documented exceptions, valid during part of the span from `from` to `to`, that explain a
 * change of one measure: working-hours exceptions explain after-hours work and longer days,
 * personal-device and virtual-desktop approvals explain more devices, removable-media exceptions
 * explain USB use. Nothing declared explains data volume or mail with attachments.
 */
export function explainShift(subject: Subject, measure: BehaviourMeasure, from: number, to: number): Mitigation[] {
  switch (measure) {
    case 'afterHoursShare':
    case 'activeHours':
      return exceptionMitigations(exceptionsOverlapping(subject, 'working-hours', from, to));
    case 'distinctDevices':
      return exceptionMitigations([
        ...exceptionsOverlapping(subject, 'personal-device', from, to),
        ...exceptionsOverlapping(subject, 'virtual-desktop', from, to),
      ]);
    case 'removableMedia':
      return exceptionMitigations(exceptionsOverlapping(subject, 'removable-media', from, to));
    default:
      return [];
  }
}
