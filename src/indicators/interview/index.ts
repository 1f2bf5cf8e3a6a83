export { availabilityTimezoneMismatch } from './availability-timezone-mismatch';
export { deepfakeArtifacts } from './deepfake-artifacts';
export { inPersonAvoidance } from './in-person-avoidance';
export { locationCheckFailed } from './location-check-failed';
export { personMismatch } from './person-mismatch';
export { videoAvoidance } from './video-avoidance';
