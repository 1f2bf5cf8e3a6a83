import { defineConfig } from 'tsup';
import { cliBuild } from './tsup.config';

// Only the command, without declarations: what `npm run demo` needs from a fresh clone.
export default defineConfig(cliBuild);
