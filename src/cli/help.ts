/** Help texts, one per command: what it does, its options, and examples to copy. */
export const helpTexts = {
  main: `redflags: explainable risk scores for remote-hire identity fraud and insider technology collection.

Usage:
  redflags <command> [options]

Commands:
  score <file|->       score every subject of a JSON document or NDJSON file
  validate <file|->    check every record; print each problem with record id and field path
  indicators           list the built-in indicators (id, title, category, typologies, weight, sources)
  schema               print the JSON Schema of the input document
  import <source> <file...>
                       map exports (Okta, Entra, Google Workspace, HR and ATS CSV) onto
                       records (NDJSON for score) and report every row and field

Options:
  -h, --help           show help (also: redflags <command> --help)
  -v, --version        print the version

Exit codes: 0 done, 1 --fail-on reached, 2 usage or input errors.

Examples:
  redflags score hr-export.json
  redflags score events.ndjson --format html --out report.html
  redflags validate hr-export.json
  redflags import okta okta-system-log.json --out signins.ndjson
  redflags score --help
`,
  score: `redflags score: score every subject of the input and report who needs review, and why.

Usage:
  redflags score <file|-> [options]

Input (file, or - for standard input), detected from the first line:
  JSON document   { "subjects": [...], "events": [...], "watchlists": [...],
                    "reference": {...}, "asOf": "..." }
  NDJSON          one record a line, each with "recordType": subject | event | watchlist | reference
                  e.g. {"recordType":"subject","id":"cand-1",...}
                       {"recordType":"event","id":"e1","subjectId":"cand-1","type":"session",...}

Options:
  --as-of <time>        ISO 8601 time to score for
                        (default: the input's asOf, else the latest event)
  --config <file>       JSON scorer config: weights, disabled indicators, options, bands
  --format <format>     table | json | ndjson | markdown | html
                        (default: from the --out extension, else table on a terminal,
                        json otherwise)
  -o, --out <file>      write the report to a file, not standard output (its directory must exist)
  --fail-on <band>      exit 1 when any subject reaches this band: elevated | high | critical
  --workers <n>         score in n worker threads (same output as one; default 1)
  --view <view>         investigator (default) | candidate: markdown and html only; the candidate
                        view shows neutral wording only, no scores, evidence or hypotheses
  --detail <which>      all (default) | flagged: which subjects get a detail section in
                        markdown and html (flagged = band elevated or above)
  --title <text>        title of markdown and html reports
  --input-format <f>    json | ndjson: skip detection
  --stream              score NDJSON grouped by subject one subject at a time, without holding
                        the input (needs --as-of; refused while population-level indicators
                        are enabled, since they must see every subject)
  -h, --help            show this help

Invalid records are listed on standard error (and under "rejected" in JSON) and every valid
record is still scored; the command then exits 2. Exit 1 means --fail-on was reached.

Examples:
  redflags score examples/demo/population.json
  redflags score export.json --format html --out report.html
  redflags score export.json --format json --fail-on high > scores.json
  cat records.ndjson | redflags score - --as-of 2025-06-01T00:00:00Z --workers 4
  redflags score huge.ndjson --stream --as-of 2025-06-01T00:00:00Z --config no-linkage.json
  redflags score export.json --config redflags.config.json --format markdown --out packet.md
`,
  validate: `redflags validate: check every record of the input without scoring.

Usage:
  redflags validate <file|-> [options]

Prints each problem with the record kind, id, position (and NDJSON line) and field path.
Exits 0 when every record is valid, 2 otherwise.

Options:
  --json                print the problems as JSON: { valid, counts, rejected }
  --input-format <f>    json | ndjson: skip detection
  -h, --help            show this help

Examples:
  redflags validate hr-export.json
  redflags validate records.ndjson --json > problems.json
`,
  indicators: `redflags indicators: list the built-in indicators.

Usage:
  redflags indicators [--json]

Options:
  --json        print every indicator's id, title, category, description, kind, family,
                typologies, default weight, correlation group and sources as JSON
  -h, --help    show this help

Examples:
  redflags indicators
  redflags indicators --json > catalogue.json
`,
  schema: `redflags schema: print the JSON Schema (draft 2020-12) of the input document.

Usage:
  redflags schema

It is generated from the same zod schemas that validate the input.

Examples:
  redflags schema > redflags-input.schema.json
`,
  import: `redflags import: map an export onto redflags records, and account for every row and field.

Usage:
  redflags import <source> <file...|-> [options]

Sources:
  okta               Okta System Log: API arrays, event-hook deliveries, NDJSON, flattened or
                     lower-case SIEM exports
  entra              Microsoft Entra sign-in logs: Graph v1.0/beta, Log Analytics, Event Hub
  google-workspace   Google Workspace login audit (Reports API activities)
  csv                any CSV export, with --mapping: a shipped mapping (hris, ats) or your
                     own JSON mapping file (column -> field, with date, country, value maps)

Files are read chunk by chunk, so memory does not grow with their size (sessions whose end
comes in a later row are held until the input ends; --no-session-ends writes them at once).
Records go to standard output (or --out) as NDJSON, ready for \`redflags score\`; the mapping
report goes to standard error: rows read, records written by type, rows skipped (with reason
and line), and every source field that was not mapped, with counts.

Options:
  --mapping <name|file>  CSV mapping: hris, ats, or a JSON mapping file (csv only)
  -o, --out <file>       write the NDJSON records to a file
  --report <file>        also write the full mapping report as JSON
  --subjects             also write a minimal subject per account the events refer to
                         (to score an identity-provider export without HR records)
  --subject-map <csv>    tie accounts to subject ids with a CSV of account,subject columns
                         (accounts not in it are skipped and named in the report)
  --no-session-ends      do not hold sessions to set their end from a later row
  -q, --quiet            no report on standard error
  -h, --help             show this help

Events are tied to subjects by the account lower-cased (e.g. the work e-mail): import HR
records keyed by work e-mail (the hris mapping does) and the events line up, or pass
--subject-map when subjects have other ids (e.g. ATS candidate ids).

Examples:
  redflags import csv --mapping hris workers.csv --out people.ndjson
  redflags import okta okta-system-log.json --out signins.ndjson --report okta-report.json
  cat people.ndjson signins.ndjson | redflags score - --format html --out review.html
  redflags import entra signins-page1.json signins-page2.json --subjects > entra.ndjson
`,
} as const;
