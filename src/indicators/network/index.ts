export { multiCountryLogins } from './multi-country-logins';
export { anonymizingInfrastructure } from './anonymizing-infrastructure';
export { geoBaselineMismatch } from './geo-baseline-mismatch';
export { remoteAccessExposed } from './remote-access-exposed';
