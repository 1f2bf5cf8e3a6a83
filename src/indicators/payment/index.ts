export { belowMarketRate } from './below-market-rate';
export { cryptoOrForeignRouting } from './crypto-or-foreign-routing';
export { frequentAccountChanges } from './frequent-account-changes';
export { payeeNameMismatch } from './payee-name-mismatch';
export { prepaymentPressure } from './prepayment-pressure';
