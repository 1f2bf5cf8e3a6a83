export { continuousSession } from './continuous-session';
export { excessiveHours } from './excessive-hours';
export { offHoursPattern } from './off-hours-pattern';
export { overemployment } from './overemployment';
