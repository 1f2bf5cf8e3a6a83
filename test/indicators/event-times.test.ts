import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

// The engine parses every event's `at` once, at validation, and the view hands it out as
// `view.timeOf(event)`; an indicator that parses `event.at` again repeats that work for every
// event of every subject. This test reads the catalogue with the type checker and fails on any
// `Date.parse(x.at)` whose `x` is an activity event (times of subject records, such as an
// interview's or a payment instruction's, are not in the view and are parsed where used).

const root = fileURLToPath(new URL('../../', import.meta.url));
const catalogue = join(root, 'src/indicators');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** The catalogue, the event schemas and `extraFile` (held in memory), type-checked as in tsconfig.json. */
function program(extraFile: { readonly name: string; readonly text: string }): ts.Program {
  const config = ts.readConfigFile(join(root, 'tsconfig.json'), ts.sys.readFile.bind(ts.sys));
  const options = ts.parseJsonConfigFileContent(config.config, ts.sys, root).options;
  const names = [...files(catalogue), join(root, 'src/records/events.ts')];
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language) => (name === extraFile.name ? ts.createSourceFile(name, extraFile.text, language) : read(name, language));
  return ts.createProgram([...names, extraFile.name], { ...options, noEmit: true }, host);
}

/** Every `Date.parse(x.at)` in `sources` whose `x` is an activity event, as `file:line`. */
function eventTimeParses(p: ts.Program, sources: readonly string[]): string[] {
  const checker = p.getTypeChecker();
  const eventsFile = p.getSourceFile(join(root, 'src/records/events.ts'));
  const eventSymbol =
    eventsFile === undefined ? undefined : checker.getSymbolAtLocation(eventsFile)?.exports?.get(ts.escapeLeadingUnderscores('ActivityEvent'));
  if (eventSymbol === undefined) throw new Error('ActivityEvent not found in src/records/events.ts');
  const activityEvent = checker.getDeclaredTypeOfSymbol(eventSymbol);
  const out: string[] = [];
  for (const name of sources) {
    const file = p.getSourceFile(name);
    if (file === undefined) throw new Error(`${name} is not in the program`);
    const visit = (node: ts.Node): void => {
      if (
        ts.isCallExpression(node) &&
        node.expression.getText(file) === 'Date.parse' &&
        node.arguments.length === 1 &&
        ts.isPropertyAccessExpression(node.arguments[0] as ts.Expression)
      ) {
        const access = node.arguments[0] as ts.PropertyAccessExpression;
        const owner = checker.getNonNullableType(checker.getTypeAtLocation(access.expression));
        if (access.name.text === 'at' && checker.isTypeAssignableTo(owner, activityEvent)) {
          out.push(`${relative(root, name).split('\\').join('/')}:${file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1}`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return out;
}

// A probe file, compiled with the catalogue, shows the check can fail.
const probe = {
  name: join(catalogue, '__probe__.ts'),
  text: [
    "import type { ActivityEventOf } from '../records/events';",
    "import type { Subject } from '../records/subject';",
    "export const eventTime = (e: ActivityEventOf<'session'>): number => Date.parse(e.at);",
    "export const interviewTime = (i: NonNullable<Subject['interviews']>[number]): number => Date.parse(i.at);",
  ].join('\n'),
};

describe('event times in the catalogue', () => {
  let checked: ts.Program;
  beforeAll(() => {
    checked = program(probe);
  }, 120_000);

  it('come from view.timeOf, never from Date.parse(event.at)', () => {
    expect(eventTimeParses(checked, files(catalogue))).toEqual([]);
  }, 120_000);

  it('finds a Date.parse of an event time, and leaves a subject record time alone (the check above can fail)', () => {
    expect(eventTimeParses(checked, [probe.name])).toEqual(['src/indicators/__probe__.ts:3']);
  }, 120_000);
});
