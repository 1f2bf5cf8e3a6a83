export { addressMismatch } from './address-mismatch';
export { overseasReship } from './overseas-reship';
