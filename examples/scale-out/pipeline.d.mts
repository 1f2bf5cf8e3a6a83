/** The point in time every shard is scored for. */
export const asOf: string;
/** Shard of a subject: FNV-1a of its id, modulo the shard count. */
export function shardOf(id: string, shards: number): number;
/** Step 1: the key file, the shard of every subject and each shard's records. */
export function emit(options: { subjects: number; shards: number; dir: string; dist?: string }): Promise<{ subjects: number; keyRows: number }>;
/** The two SQL blocks of docs/scale.md: the table, then the query that keeps shared keys. */
export function documentedSql(): { create: string; select: string };
/** Step 2: the key file loaded into DuckDB and grouped with the SQL of docs/scale.md (table `shared_keys`). */
export function group(options: { dir: string; database?: string }): Promise<{ keyRows: number; sharedRows: number; groups: number }>;
/** Step 3: one input document per shard with its records and every group that has a member in it. */
export function writeShards(options: {
  shards: number;
  dir: string;
  database?: string;
}): Promise<{ shard: number; path: string; subjects: number; groups: number }[]>;
/** Step 4: every shard scored by the CLI in its own process; the exit codes. */
export function score(options: { shards: number; dir: string; parallel?: number; cli?: string; config?: string }): Promise<number[]>;
/** Step 5: the shards' sorted reports merged into `reports.ndjson`. */
export function merge(options: { shards: number; dir: string; dist?: string }): Promise<{ reports: number; rejected: number }>;
/** A report line's order keys (score, log-odds, subject id), parsed from the line's head only. */
export function orderKeys(line: Uint8Array): { score: number; logOdds: number; subjectId: string };
