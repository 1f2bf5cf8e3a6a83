/**
 * First-public-release years of technologies commonly listed on developer resumes.
 *
 * Why this exists: fabricated resumes sometimes claim experience with a technology from before
 * it existed ("8 years of Next.js" in 2022). The `identity.resume_anachronism` indicator compares
 * claimed start dates against this table.
 *
 * The rule used for `firstPublicRelease`: the calendar year in which outside developers could
 * first obtain and use the technology — its first public release, preview, alpha/beta or
 * open-sourcing, whichever came first — not its 1.0/GA. Where a long pre-1.0 period exists, the
 * 1.0/GA year is given separately as `stableRelease`, and `note` says what each year refers to.
 *
 * Direction of caution: an anachronism is flagged when a claim starts *before* the listed year,
 * so an *earlier* year fires less often. Where the sources leave a choice between years, this table
 * takes the **earlier** plausible year and says so in `note`, so the detector errs toward not
 * firing. (Taking the later year would make it fire more, not less.) A caller that wants a stricter
 * check can use `stableRelease`.
 *
 * Ambiguous skill names map to the most conservative reading: bare "Angular" maps to AngularJS
 * (2010), not Angular 2+ (2015), because many people still write "Angular" for AngularJS work.
 * Names that are ordinary words or clash with other things ("Solid" vs SOLID principles, "Lambda"
 * vs lambda expressions, "Next") are not aliases.
 *
 * The table is a default; pass `extra` entries to {@link findTechnology} to add or override.
 *
 * @packageDocumentation
 */

import { isAsciiDigit, isAsciiWordCharacter, skipWhiteSpaceBackwards } from '../text/scan';
import { deepFreeze } from '../util/freeze';

/** One technology and the year it first became publicly usable. */
export interface TechnologyRelease {
  /** Stable kebab-case identifier. */
  readonly id: string;
  /** Display name. */
  readonly name: string;
  /**
   * Other spellings seen on resumes. Compared after normalisation (case, dots, dashes and spaces
   * ignored), and a trailing "js" on the input is also tried without it ("ReactJS" → "react").
   */
  readonly aliases: readonly string[];
  /** Year of the first public release, preview or open-sourcing (see the module rule). */
  readonly firstPublicRelease: number;
  /** Year of the first stable (1.0/GA) release, when it differs meaningfully from `firstPublicRelease`. */
  readonly stableRelease?: number;
  /** What the years refer to, and any uncertainty. */
  readonly note?: string;
}

/** The default technology release table. */
// One technology a line, left so by the formatter, so the table reads down its columns.
// prettier-ignore
export const technologyReleaseYears: readonly TechnologyRelease[] = /* @__PURE__ */ deepFreeze<TechnologyRelease[]>([
  // --- Languages and runtimes ---
  { id: 'javascript', name: 'JavaScript', aliases: ['js', 'ecmascript'], firstPublicRelease: 1995 },
  { id: 'typescript', name: 'TypeScript', aliases: ['ts'], firstPublicRelease: 2012, stableRelease: 2014, note: '0.8 public preview Oct 2012; 1.0 in 2014.' },
  { id: 'python', name: 'Python', aliases: ['python3', 'py'], firstPublicRelease: 1991 },
  { id: 'java', name: 'Java', aliases: [], firstPublicRelease: 1995, note: 'Public alpha/beta 1995; JDK 1.0 in 1996.' },
  { id: 'csharp', name: 'C#', aliases: ['c sharp', 'csharp'], firstPublicRelease: 2000, stableRelease: 2002, note: 'Announced with previews in 2000; 1.0 with .NET Framework in 2002.' },
  { id: 'php', name: 'PHP', aliases: [], firstPublicRelease: 1995 },
  { id: 'ruby', name: 'Ruby', aliases: [], firstPublicRelease: 1995 },
  { id: 'go', name: 'Go', aliases: ['golang', 'go lang'], firstPublicRelease: 2009, stableRelease: 2012, note: 'Open-sourced Nov 2009; Go 1.0 in 2012.' },
  { id: 'rust', name: 'Rust', aliases: ['rust lang', 'rustlang'], firstPublicRelease: 2010, stableRelease: 2015, note: 'Source public and announced by Mozilla in 2010; 0.1 in Jan 2012; 1.0 in May 2015. Earliest year used.' },
  { id: 'kotlin', name: 'Kotlin', aliases: [], firstPublicRelease: 2011, stableRelease: 2016, note: 'Unveiled by JetBrains in 2011, open-sourced 2012; 1.0 in Feb 2016. Earliest year used.' },
  { id: 'swift', name: 'Swift', aliases: ['swift lang', 'swift language'], firstPublicRelease: 2014, note: 'Beta at WWDC June 2014, 1.0 Sept 2014. Beware the SWIFT banking network, which is older.' },
  { id: 'dart', name: 'Dart', aliases: [], firstPublicRelease: 2011, stableRelease: 2013 },
  { id: 'elixir', name: 'Elixir', aliases: [], firstPublicRelease: 2012, stableRelease: 2014, note: 'First releases 2012 (repository started 2011); 1.0 in 2014.' },
  { id: 'solidity', name: 'Solidity', aliases: [], firstPublicRelease: 2014, note: 'Proposed and first implemented in 2014, before Ethereum mainnet. Earliest year used.' },
  { id: 'webassembly', name: 'WebAssembly', aliases: ['wasm'], firstPublicRelease: 2015, stableRelease: 2017, note: 'Announced with experimental implementations in 2015; MVP shipped in browsers in 2017.' },
  { id: 'nodejs', name: 'Node.js', aliases: ['node', 'nodejs'], firstPublicRelease: 2009 },
  { id: 'deno', name: 'Deno', aliases: [], firstPublicRelease: 2018, stableRelease: 2020, note: 'Public repository and 0.x releases from 2018; 1.0 in May 2020.' },
  { id: 'bun', name: 'Bun', aliases: ['bun.sh', 'bunjs'], firstPublicRelease: 2022, stableRelease: 2023, note: 'First public beta (0.1) July 2022; 1.0 Sept 2023.' },

  // --- Front-end frameworks and libraries ---
  { id: 'jquery', name: 'jQuery', aliases: [], firstPublicRelease: 2006 },
  { id: 'angularjs', name: 'AngularJS', aliases: ['angularjs', 'angular.js', 'angular 1', 'angular1', 'angular'], firstPublicRelease: 2010, stableRelease: 2012, note: 'First public 2010, 1.0 in 2012. Bare "Angular" maps here deliberately (conservative).' },
  { id: 'angular', name: 'Angular (2+)', aliases: ['angular 2', 'angular2', 'angular 2+', 'angular2+', 'angular io'], firstPublicRelease: 2015, stableRelease: 2016, note: 'Public alphas/developer preview 2015; 2.0 final Sept 2016.' },
  { id: 'backbone', name: 'Backbone.js', aliases: ['backbone'], firstPublicRelease: 2010 },
  { id: 'ember', name: 'Ember.js', aliases: ['ember', 'emberjs'], firstPublicRelease: 2011, stableRelease: 2013 },
  { id: 'react', name: 'React', aliases: ['react', 'reactjs', 'react.js'], firstPublicRelease: 2013, note: 'Open-sourced May 2013.' },
  { id: 'react-hooks', name: 'React Hooks', aliases: ['hooks (react)', 'react hook'], firstPublicRelease: 2018, stableRelease: 2019, note: 'Public alpha Oct 2018; stable in React 16.8, Feb 2019.' },
  { id: 'react-native', name: 'React Native', aliases: ['reactnative'], firstPublicRelease: 2015 },
  { id: 'vue', name: 'Vue.js', aliases: ['vue', 'vuejs'], firstPublicRelease: 2014, stableRelease: 2015 },
  { id: 'svelte', name: 'Svelte', aliases: [], firstPublicRelease: 2016 },
  { id: 'sveltekit', name: 'SvelteKit', aliases: ['svelte kit'], firstPublicRelease: 2021, stableRelease: 2022, note: 'Public beta March 2021; 1.0 Dec 2022.' },
  { id: 'solidjs', name: 'SolidJS', aliases: ['solidjs', 'solid.js'], firstPublicRelease: 2018, stableRelease: 2021, note: 'Open-sourced 2018; 1.0 June 2021. Bare "Solid" is not an alias (SOLID principles).' },
  { id: 'nextjs', name: 'Next.js', aliases: ['nextjs', 'next.js'], firstPublicRelease: 2016 },
  { id: 'nuxt', name: 'Nuxt', aliases: ['nuxt', 'nuxtjs'], firstPublicRelease: 2016 },
  { id: 'gatsby', name: 'Gatsby', aliases: ['gatsbyjs'], firstPublicRelease: 2015, stableRelease: 2017 },
  { id: 'remix', name: 'Remix', aliases: ['remix run', 'remix.run'], firstPublicRelease: 2020, stableRelease: 2021, note: 'Paid-licence preview from late 2020; open-source 1.0 Nov 2021. Earliest year used.' },
  { id: 'astro', name: 'Astro', aliases: ['astro build'], firstPublicRelease: 2021, stableRelease: 2022 },
  { id: 'redux', name: 'Redux', aliases: [], firstPublicRelease: 2015 },
  { id: 'graphql', name: 'GraphQL', aliases: [], firstPublicRelease: 2015, note: 'Used inside Facebook from 2012; public specification and reference implementation July 2015.' },
  { id: 'apollo-graphql', name: 'Apollo GraphQL', aliases: ['apollo client', 'apollo server', 'apollographql'], firstPublicRelease: 2016 },
  { id: 'tailwindcss', name: 'Tailwind CSS', aliases: ['tailwind', 'tailwindcss'], firstPublicRelease: 2017, stableRelease: 2019, note: '0.1 Nov 2017; 1.0 May 2019.' },
  { id: 'bootstrap', name: 'Bootstrap', aliases: ['twitter bootstrap'], firstPublicRelease: 2011 },
  { id: 'material-ui', name: 'Material UI (MUI)', aliases: ['material ui', 'materialui', 'mui', 'mui core'], firstPublicRelease: 2014, stableRelease: 2018 },
  { id: 'chakra-ui', name: 'Chakra UI', aliases: ['chakra', 'chakraui'], firstPublicRelease: 2019, stableRelease: 2020, note: 'First releases 2019; 1.0 Nov 2020.' },
  { id: 'webpack', name: 'webpack', aliases: [], firstPublicRelease: 2012, stableRelease: 2014 },
  { id: 'vite', name: 'Vite', aliases: ['vitejs'], firstPublicRelease: 2020 },
  { id: 'babel', name: 'Babel', aliases: ['babeljs', '6to5'], firstPublicRelease: 2014, note: 'Released as 6to5 in 2014, renamed Babel in 2015. Earliest year used.' },
  { id: 'electron', name: 'Electron', aliases: ['electronjs', 'atom shell'], firstPublicRelease: 2013, stableRelease: 2016, note: 'Released as Atom Shell in 2013, renamed 2015; 1.0 in 2016.' },
  { id: 'flutter', name: 'Flutter', aliases: [], firstPublicRelease: 2015, stableRelease: 2018, note: 'Shown publicly as "Sky" in 2015; alpha May 2017; 1.0 Dec 2018. Earliest year used.' },
  { id: 'swiftui', name: 'SwiftUI', aliases: ['swift ui'], firstPublicRelease: 2019 },
  { id: 'jetpack-compose', name: 'Jetpack Compose', aliases: ['compose (android)', 'android compose'], firstPublicRelease: 2019, stableRelease: 2021 },

  // --- Back-end frameworks ---
  { id: 'express', name: 'Express', aliases: ['expressjs', 'express.js'], firstPublicRelease: 2010 },
  { id: 'nestjs', name: 'NestJS', aliases: ['nestjs', 'nest.js'], firstPublicRelease: 2017 },
  { id: 'django', name: 'Django', aliases: [], firstPublicRelease: 2005 },
  { id: 'flask', name: 'Flask', aliases: [], firstPublicRelease: 2010 },
  { id: 'fastapi', name: 'FastAPI', aliases: ['fast api'], firstPublicRelease: 2018 },
  { id: 'rails', name: 'Ruby on Rails', aliases: ['rails', 'ror', 'ruby on rails'], firstPublicRelease: 2004, stableRelease: 2005 },
  { id: 'laravel', name: 'Laravel', aliases: [], firstPublicRelease: 2011 },
  { id: 'spring', name: 'Spring Framework', aliases: ['spring', 'spring framework'], firstPublicRelease: 2002, stableRelease: 2004 },
  { id: 'spring-boot', name: 'Spring Boot', aliases: ['springboot'], firstPublicRelease: 2013, stableRelease: 2014, note: 'Public milestones 2013; 1.0 April 2014. Earliest year used.' },
  { id: 'dotnet-framework', name: '.NET Framework', aliases: ['.net', 'dotnet', 'dot net', '.net framework'], firstPublicRelease: 2002, note: 'Bare ".NET" maps here (oldest reading).' },
  { id: 'dotnet-core', name: '.NET Core', aliases: ['.net core', 'dotnet core', 'asp.net core', 'aspnet core'], firstPublicRelease: 2014, stableRelease: 2016, note: 'Open-sourced with previews Nov 2014; 1.0 June 2016.' },
  { id: 'phoenix', name: 'Phoenix Framework', aliases: ['phoenix framework', 'elixir phoenix'], firstPublicRelease: 2014, stableRelease: 2015 },

  // --- Data stores ---
  { id: 'postgresql', name: 'PostgreSQL', aliases: ['postgres', 'postgresql', 'psql'], firstPublicRelease: 1996, note: 'Named PostgreSQL in 1996 (Postgres95 in 1995, POSTGRES research project earlier).' },
  { id: 'mysql', name: 'MySQL', aliases: [], firstPublicRelease: 1995 },
  { id: 'mongodb', name: 'MongoDB', aliases: ['mongo'], firstPublicRelease: 2009 },
  { id: 'redis', name: 'Redis', aliases: [], firstPublicRelease: 2009 },
  { id: 'elasticsearch', name: 'Elasticsearch', aliases: ['elastic search'], firstPublicRelease: 2010 },
  { id: 'kafka', name: 'Apache Kafka', aliases: ['kafka'], firstPublicRelease: 2011 },
  { id: 'firebase', name: 'Firebase', aliases: [], firstPublicRelease: 2012 },
  { id: 'supabase', name: 'Supabase', aliases: [], firstPublicRelease: 2020 },

  // --- Cloud, DevOps, testing ---
  { id: 'aws', name: 'Amazon Web Services', aliases: ['aws', 'amazon web services'], firstPublicRelease: 2002, note: 'First AWS developer services 2002; S3 and EC2 in 2006. Earliest year used.' },
  { id: 'aws-lambda', name: 'AWS Lambda', aliases: ['aws lambda', 'amazon lambda', 'lambda (aws)'], firstPublicRelease: 2014, stableRelease: 2015, note: 'Preview Nov 2014; GA April 2015. Bare "Lambda" is not an alias (lambda expressions).' },
  { id: 'docker', name: 'Docker', aliases: [], firstPublicRelease: 2013 },
  { id: 'kubernetes', name: 'Kubernetes', aliases: ['k8s', 'kube'], firstPublicRelease: 2014, stableRelease: 2015 },
  { id: 'helm', name: 'Helm', aliases: ['helm charts'], firstPublicRelease: 2015 },
  { id: 'terraform', name: 'Terraform', aliases: [], firstPublicRelease: 2014, stableRelease: 2021 },
  { id: 'ansible', name: 'Ansible', aliases: [], firstPublicRelease: 2012 },
  { id: 'git', name: 'Git', aliases: [], firstPublicRelease: 2005 },
  { id: 'github', name: 'GitHub', aliases: [], firstPublicRelease: 2008 },
  { id: 'github-actions', name: 'GitHub Actions', aliases: ['gh actions'], firstPublicRelease: 2018, stableRelease: 2019, note: 'Public beta Oct 2018; CI/CD GA Nov 2019.' },
  { id: 'jenkins', name: 'Jenkins', aliases: ['hudson'], firstPublicRelease: 2005, note: 'Jenkins forked from Hudson (2005) in 2011; earliest year used.' },
  { id: 'jest', name: 'Jest', aliases: ['jestjs'], firstPublicRelease: 2014 },
  { id: 'cypress', name: 'Cypress', aliases: ['cypress.io', 'cypressio'], firstPublicRelease: 2015, stableRelease: 2017, note: 'Invitation beta from about 2015 (year uncertain); open-source 1.0 in 2017. Earliest plausible year used.' },
  { id: 'playwright', name: 'Playwright', aliases: [], firstPublicRelease: 2020 },
  { id: 'puppeteer', name: 'Puppeteer', aliases: [], firstPublicRelease: 2017 },

  // --- ML and AI ---
  { id: 'tensorflow', name: 'TensorFlow', aliases: ['tensor flow'], firstPublicRelease: 2015 },
  { id: 'pytorch', name: 'PyTorch', aliases: [], firstPublicRelease: 2016, note: 'Initial release 2016; public 0.1 in Jan 2017. Earliest year used. Bare "Torch" is not an alias (Lua Torch dates from 2002).' },
  { id: 'keras', name: 'Keras', aliases: [], firstPublicRelease: 2015 },
  { id: 'hugging-face-transformers', name: 'Hugging Face Transformers', aliases: ['hugging face', 'huggingface', 'hugging face transformers', 'pytorch-pretrained-bert'], firstPublicRelease: 2018, note: 'Released as pytorch-pretrained-bert in Nov 2018.' },
  { id: 'openai-api', name: 'OpenAI API', aliases: ['openai api', 'gpt-3 api', 'gpt3 api', 'gpt api', 'chatgpt api'], firstPublicRelease: 2020, note: 'GPT-3 API private beta June 2020. "ChatGPT API" (gpt-3.5-turbo, March 2023) maps here, the earlier year. Bare "OpenAI" is not an alias (OpenAI Gym dates from 2016).' },
  { id: 'chatgpt', name: 'ChatGPT', aliases: [], firstPublicRelease: 2022, note: 'Launched 30 Nov 2022.' },
  { id: 'github-copilot', name: 'GitHub Copilot', aliases: ['copilot'], firstPublicRelease: 2021, stableRelease: 2022, note: 'Technical preview June 2021; GA June 2022.' },
  { id: 'langchain', name: 'LangChain', aliases: ['lang chain'], firstPublicRelease: 2022 },
  { id: 'llamaindex', name: 'LlamaIndex', aliases: ['llama index', 'gpt index', 'gpt_index'], firstPublicRelease: 2022, note: 'Released as GPT Index in Nov 2022.' },

  // --- Blockchain ---
  { id: 'ethereum', name: 'Ethereum', aliases: ['eth', 'evm'], firstPublicRelease: 2014, stableRelease: 2015, note: 'Proof-of-concept clients and testnets 2014; mainnet (Frontier) July 2015. Earliest year used.' },
  { id: 'web3js', name: 'web3.js', aliases: ['web3js', 'web3.js', 'web3', 'ethereum.js'], firstPublicRelease: 2014, note: 'Began as ethereum.js in the 2014 proof-of-concept era (year uncertain; earliest plausible used). Bare "Web3" maps here; the term itself dates from 2014.' },
  { id: 'ethersjs', name: 'ethers.js', aliases: ['ethers', 'ethersjs'], firstPublicRelease: 2016 },
  { id: 'viem', name: 'viem', aliases: [], firstPublicRelease: 2023 },
  { id: 'truffle', name: 'Truffle', aliases: ['truffle suite'], firstPublicRelease: 2015 },
  { id: 'hardhat', name: 'Hardhat', aliases: ['buidler', 'nomic hardhat'], firstPublicRelease: 2018, stableRelease: 2020, note: 'Predecessor Buidler was public around 2018-2019 (year uncertain; earliest plausible used); renamed Hardhat Oct 2020.' },
  { id: 'foundry', name: 'Foundry', aliases: ['forge (foundry)', 'foundry forge'], firstPublicRelease: 2021 },
  { id: 'openzeppelin', name: 'OpenZeppelin', aliases: ['open zeppelin'], firstPublicRelease: 2016 },
  { id: 'solana', name: 'Solana', aliases: [], firstPublicRelease: 2018, stableRelease: 2020, note: 'Code and testnets public from 2018 (year uncertain; earliest plausible used); mainnet beta March 2020.' },
  { id: 'ipfs', name: 'IPFS', aliases: ['interplanetary file system'], firstPublicRelease: 2015 },
]);

/**
 * Normalises a technology name for comparison: lower-case, accents removed, '#' spelled "sharp"
 * (so "C#" ≠ "C"), '+' kept (so "Angular 2+" stays distinct) and everything else that is not a
 * letter or digit dropped.
 */
function normalizeTechName(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/#/g, 'sharp')
    .replace(/[^\p{L}\p{N}+]+/gu, '');
}

/**
 * `name` without a trailing version such as " 3", " v18", " 3.11", " 14.x", " 2+" (and the white
 * space before it). Used as a fallback only. The version starts at a word boundary, so "Web3" and
 * "Angular2" keep theirs. One backward pass over the dotted segments: the regular expression it
 * replaces, `/\s*\bv?\d+(?:\.(?:\d+|x))*\+?\s*$/i`, restarted at every space of a long run
 * and took quadratic time.
 */
export function withoutTrailingVersion(name: string): string {
  let end = skipWhiteSpaceBackwards(name, name.length);
  if (name[end - 1] === '+') end--;
  // The leftmost position where a version reaching `end` can start (its "v" or first digit).
  let versionStart = -1;
  for (;;) {
    let segmentStart = end;
    while (segmentStart > 0 && isAsciiDigit(name[segmentStart - 1])) segmentStart--;
    if (segmentStart < end) {
      // A run of digits may open the version when a word boundary precedes it or its "v".
      const before = name[segmentStart - 1];
      if (!isAsciiWordCharacter(before)) versionStart = segmentStart;
      else if ((before === 'v' || before === 'V') && !isAsciiWordCharacter(name[segmentStart - 2])) versionStart = segmentStart - 1;
    } else if ((name[end - 1] === 'x' || name[end - 1] === 'X') && name[end - 2] === '.') {
      segmentStart = end - 1; // "14.x": an "x" segment, only after a dot, never opens a version.
    } else {
      break;
    }
    if (name[segmentStart - 1] !== '.') break;
    end = segmentStart - 1;
  }
  return versionStart < 0 ? name : name.slice(0, skipWhiteSpaceBackwards(name, versionStart));
}

/**
 * Keys to try for an input: the normalised name, then without a trailing "js" ("ReactJS",
 * "React.js" → "react"). The "js" is only ever removed from the input, never added, so
 * "Solid" does not become "SolidJS".
 */
function candidateKeys(s: string): string[] {
  const key = normalizeTechName(s);
  if (key.length === 0) return [];
  const keys = [key];
  if (key.length > 3 && key.endsWith('js')) keys.push(key.slice(0, -2));
  return keys;
}

/** Finds the entry whose normalised id, name or alias equals one of `keys`. */
function lookup(keys: readonly string[], table: readonly TechnologyRelease[]): TechnologyRelease | undefined {
  for (const key of keys) {
    for (const t of table) {
      // Ids are not matched: they are internal and "angular" would collide with AngularJS's alias.
      if (normalizeTechName(t.name) === key) return t;
      if (t.aliases.some((a) => normalizeTechName(a) === key)) return t;
    }
  }
  return undefined;
}

/**
 * Find a technology by the name a resume uses for it.
 *
 * Matching ignores case, dots, dashes and spaces, accepts a trailing "js" ("ReactJS", "React.js",
 * "react" all find React), and as a fallback drops a trailing version number ("Vue 3",
 * "Python 3.11", "React 18"). The fallback runs only after an exact attempt, so "Angular 2" and
 * "Web3" keep their own meaning.
 *
 * @param name - The technology name as written.
 * @param extra - Additional or overriding entries, searched before the default table.
 * @returns The entry, or `undefined` when the technology is not known.
 */
export function findTechnology(name: string, extra: readonly TechnologyRelease[] = []): TechnologyRelease | undefined {
  // Caller entries are searched as a whole before the defaults, so an override wins even when the
  // default table would match the input more literally (e.g. "ReactJS" against a "react" override).
  const tables = extra.length === 0 ? [technologyReleaseYears] : [extra, technologyReleaseYears];
  const withoutVersion = withoutTrailingVersion(name);
  const attempts = [candidateKeys(name)];
  if (withoutVersion !== name && withoutVersion.trim().length > 0) attempts.push(candidateKeys(withoutVersion));
  for (const keys of attempts) {
    for (const table of tables) {
      const hit = lookup(keys, table);
      if (hit) return hit;
    }
  }
  return undefined;
}
