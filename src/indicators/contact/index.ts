export { disposableOrVoip } from './disposable-or-voip';
