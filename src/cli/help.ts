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
                       map exports (identity providers, device and EDR tools, GitHub,
                       background checks, HR and ATS CSV) onto records (NDJSON for score)
                       and report every row and field
  backtest <file|->    score subjects as of their decision times and compare configurations to outcomes
  calibrate <file|->   propose weights fitted to outcomes; writes the config and prints a diff
  audit <scores>       selection rates and impact ratios per group, from scores and group labels
  timeline <file|->    each subject's score, band and top reasons at each instant of a range

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
  NDJSON          one record a line, each with "recordType": subject | event | watchlist |
                  reference | suppression
                  e.g. {"recordType":"subject","id":"cand-1",...}
                       {"recordType":"event","id":"e1","subjectId":"cand-1","type":"session",...}

Options:
  --as-of <time>        ISO 8601 time to score for
                        (default: the input's asOf, else the latest event)
  --config <file>       JSON scorer config: weights, disabled indicators, options, bands
  --format <format>     table | json | ndjson | markdown | html
                        (default: from the --out extension, else table on a terminal,
                        json otherwise)
  -o, --out <file>      write the report to a file, not standard output (its directory must
                        exist); written to a temporary file and renamed when complete, so an
                        interrupted run leaves the previous file unchanged
  --fail-on <band>      exit 1 when any subject reaches this band: elevated | high | critical
  --workers <n>         score in n worker threads (same output as one; default 1); an NDJSON
                        file under 256 MB is scored in one thread, which is faster (said on
                        standard error), unless --partitions, --temp-dir or --run-size is given
  --shard-timeout <s>   with --workers: stop a shard running longer than s seconds and
                        list its subjects as not scored (an indicator may loop forever)
  --view <view>         investigator (default) | candidate: markdown and html only; the candidate
                        view shows neutral wording only, no scores, evidence or hypotheses
  --detail <which>      all (default) | flagged: which subjects get a detail section in
                        markdown and html (flagged = band elevated or above)
  --detail-limit <n>    detail sections for the n highest-ranked subjects at most (default
                        1000); the others keep one row in the ranked table
  --title <text>        title of markdown and html reports
  --input-format <f>    json | ndjson: skip detection
  --lenient             accept records whose only problems are unknown keys, each dropped
                        key listed on standard error (not with --stream)
  --redact              mask personal data (names, e-mails, phones, addresses, accounts, IPs,
                        handles) in messages and evidence; ids, scores, bands and reasons stay
  --pseudonym-key-file <file>
                        like --redact, but each personal value becomes a keyed hash (HMAC-SHA256
                        with the key in the file), the same across the batch
  --stream              score NDJSON grouped by subject one subject at a time, without holding
                        the input (needs --as-of; refused while population-level indicators
                        are enabled, since they must see every subject; watchlist screening
                        stays: the watchlist lines come first and are indexed once)
  --partitions <n>      NDJSON without --stream (files from 256 MB, and standard input) is
                        scored in bounded memory by default,
                        split by subject id into n partition files (default: one per 96 MB of
                        input, 64 for standard input); smaller files are held in memory unless
                        this is given
  --in-memory           hold the whole NDJSON input in memory instead of partitioning it
  --temp-dir <dir>      where --stream and the partitioned mode write temporary files
  --run-size <n>        with --stream and the partitioned mode: reports held in memory before
                        a sorted run is written to a temporary file (default 2000)
  --compact             json and ndjson: write the indicator catalogue (titles, versions,
                        weights, families) once and compact reports that list only the
                        indicators that fired, instead of every indicator in every report
  --timing              print each indicator's time (total ms, % of total, calls) to
                        standard error after scoring, slowest first (not with --workers)
  -h, --help            show this help

Invalid records are listed on standard error (and under "rejected" in JSON) and every valid
record is still scored; the command then exits 2. Exit 1 means --fail-on was reached.

Examples:
  redflags score hr-export.json
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
  --json                print the problems as JSON: { valid, counts, rejected, warnings }
  --lenient             accept records whose only problems are unknown keys, each dropped
                        key listed as a warning (as score --lenient does)
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
  backtest: `redflags backtest: what each configuration would have decided, against reviewers' outcomes.

Usage:
  redflags backtest <input|-> --outcomes <file> [options]

Each subject with an outcome is scored as of its decision time (no later fact is used).
Outcomes file: NDJSON, one {"recordType":"outcome","subjectId":"cand-1","decidedAt":"2025-05-01T00:00:00Z",
  "outcome":"confirmed-fraud","decidedBy":"trust-team","caseId":"C-12"} a line
  (outcome: confirmed-fraud | confirmed-insider | cleared | inconclusive), a JSON array, or
  {"outcomes": [...]}. An outcome that repeats a key is not used (listed with its path).

Options:
  --outcomes <file>     the outcome records (required)
  --config <file>       a configuration to compare; repeat it; "default" is the built-in
                        defaults. The first is the baseline for decision changes (default: default)
  --format <format>     json (default) | html | text
  -o, --out <file>      write to a file (.html picks html)
  --title <text>        title of the html page
  --input-format <f>    json | ndjson: skip detection of the input layout
  -h, --help            show this help

Exit codes: 0 done, 2 usage errors or records that could not be used (listed on standard error).

Examples:
  redflags backtest export.json --outcomes outcomes.ndjson --config default --config candidate.json --out backtest.html
`,
  timeline: `redflags timeline: each subject's score over time, and when and why the risk rose.

Usage:
  redflags timeline <input|-> --from <time> --to <time> [options]

Input as for score (JSON document or NDJSON; suppressions apply as they stood at each instant).
Each instant from --from to --to, every --every, is a full point-in-time score: no fact dated
after the instant is used. At most 1000 instants.

Options:
  --from <time>          first instant, ISO 8601 with an offset (required)
  --to <time>            last instant (required; included when it falls on a step)
  --every <step>         step between instants: 12h, 1d, 7d, or an ISO 8601 duration of weeks,
                         days, hours and minutes such as P1W, P1D, PT6H (default 1d)
  --subject <id>         the subject to follow; repeat it for several (default: every subject)
  --config <file>        a JSON config, as for score
  --format <format>      json (default; table on a terminal) | ndjson | table | html
  -o, --out <file>       write to a file (.html picks html, .ndjson ndjson, .txt table)
  --title <text>         title of the html page
  --input-format <f>     json | ndjson: skip detection of the input layout
  -h, --help             show this help

The html page is the report as of the last instant, each subject's section with its timeline
plot: the score at each instant, and a marker where the band rose naming the evidence.

Exit codes: 0 done, 2 usage errors or rejected records (listed on standard error).

Examples:
  redflags timeline export.json --subject cand-17 --from 2025-02-01T00:00:00Z --to 2025-06-01T00:00:00Z --every 7d
  redflags timeline events.ndjson --from 2025-05-01T00:00:00Z --to 2025-06-01T00:00:00Z --out timeline.html
`,
  calibrate: `redflags calibrate: propose weights fitted to reviewers' outcomes, and show the diff.

Usage:
  redflags calibrate <input|-> --outcomes <file> [options]

Fits every indicator weight (and the prior) by L2-regularised logistic regression on the
engine's own model, each subject scored as of its decision time. Risk weights stay >= 0;
correlation groups keep their decay and cap. Nothing changes below the minimums (50 confirmed
or cleared outcomes, 10 of each; 20 outcomes on which an indicator fired for its weight).

Options:
  --outcomes <file>      the outcome records (required; format as for backtest)
  --config <file>        the config in use: the starting point (default: the defaults)
  -o, --out <file>       write the proposed config here and print the diff; without it the
                         config goes to standard output and the diff to standard error
  --json                 write the whole result (weights, uncertainty, counts) instead
  --min-outcomes <n>     minimum confirmed or cleared outcomes (default 50)
  --min-per-weight <n>   minimum outcomes an indicator fired on before its weight changes (default 20)
  --keep-prior           do not fit the prior (outcomes of reviewed subjects over-represent fraud)
  --input-format <f>     json | ndjson
  -h, --help             show this help

Exit codes: 0 done, 2 usage errors or records that could not be used (run backtest with the
same files for the list).

Examples:
  redflags calibrate export.json --outcomes outcomes.ndjson --config current.json --out proposal.json
  redflags backtest export.json --outcomes outcomes.ndjson --config current.json --config proposal.json --out compare.html
`,
  audit: `redflags audit: selection rates and impact ratios per group (NYC Local Law 144 style).

Usage:
  redflags audit <scores.json|scores.ndjson> --groups <file> [options]

Reads finished reports (the output of redflags score) and group labels kept outside the scoring
input, and prints, per category and band, each group's selection rate (share at or above the
band), impact ratio against the most selected group, four-fifths flags and small-group warnings.
It measures outcomes; it does not prove fairness. Hold the labels only where the law allows.

Groups file: JSON {"cand-1": {"sex": "female", "race": "..."}} or CSV "subjectId,sex,race".

Options:
  --groups <file>          the group labels (required)
  --format <format>        markdown (default) | json
  -o, --out <file>         write to a file (.json picks json)
  --min-group-size <n>     smaller groups, and groups under 2% of the labelled subjects,
                           are marked too small to judge (default 30)
  -h, --help               show this help

Example:
  redflags score export.json --format json --out scores.json
  redflags audit scores.json --groups demographics.csv --out audit.md
`,
  import: `redflags import: map an export onto redflags records, and account for every row and field.

Usage:
  redflags import <source> <file...|-> [options]

Sources:
  okta               Okta System Log: API arrays, event-hook deliveries, NDJSON, flattened or
                     lower-case SIEM exports
  entra              Microsoft Entra sign-in logs: Graph v1.0/beta, Log Analytics, Event Hub
  google-workspace   Google Workspace login audit (Reports API activities)
  osquery            osquery results logs (differential, snapshot, batch) and, with --at,
                     plain osqueryi --json output: USB devices, software, users, system info
  intune             Microsoft Intune managed devices (Graph, with detected apps)
  jamf               Jamf Pro computer inventory (computers-inventory pages, with applications)
  defender           Microsoft Defender XDR advanced hunting: USB mounts and PnP devices,
                     file writes to USB drives, remote-access and tunnel process starts and
                     connections (API Schema/Results, Event Hub, Log Analytics)
  github-audit       GitHub organisation/enterprise audit log: API, export, streaming
  cert-insider       CERT Insider Threat Test Dataset (a local copy): logon, device, file,
                     http, email CSVs and the LDAP/YYYY-MM.csv rosters, all in one import
  checkr             Checkr background-check reports (API, list pages, report webhooks):
                     subjects keyed by the candidates' custom_id when the candidates are
                     imported with the reports, else by candidate_id (use --subject-map)
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
  --no-approvals         github-audit only: write merges at once, without their approvals
                         (reviews are not read; memory stays flat on huge exports)
  --at <time>            osquery only: collection time of plain osqueryi rows (ISO 8601)
  --device <name>        osquery only: the host plain osqueryi rows come from
  -q, --quiet            no report on standard error
  -h, --help             show this help

Events are tied to subjects by the account lower-cased (e.g. the work e-mail): import HR
records keyed by work e-mail (the hris mapping does) and the events line up, or pass
--subject-map when subjects have other ids (e.g. ATS candidate ids). Device sources tie a
record to the user it names (UPN, user decoration) or, when it names none, to the device name:
list device names in the subject map to tie those.

Examples:
  redflags import csv --mapping hris workers.csv --out people.ndjson
  redflags import okta okta-system-log.json --out signins.ndjson --report okta-report.json
  cat people.ndjson signins.ndjson | redflags score - --format html --out review.html
  redflags import entra signins-page1.json signins-page2.json --subjects > entra.ndjson
`,
} as const;
