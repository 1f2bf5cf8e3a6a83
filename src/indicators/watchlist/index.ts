export { watchlistMatch } from './match';
