export { remoteAccessSoftware } from './remote-access-software';
export { ipKvm } from './ip-kvm';
export { unmanagedDevice } from './unmanaged-device';
export { earlyTampering } from './early-tampering';
export { serialMismatch } from './serial-mismatch';
export { sharedMfaDevice } from './shared-mfa-device';
