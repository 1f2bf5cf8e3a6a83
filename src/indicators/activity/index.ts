export { continuousSession } from './continuous-session';
export { excessiveHours } from './excessive-hours';
