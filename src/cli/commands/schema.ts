import { parseArgs } from 'node:util';
import { jsonSchema } from '../../records/jsonSchema';
import { helpTexts } from '../help';
import { write, type CliIo } from '../io';
import { EXIT_OK } from '../commandSupport';

// `redflags schema`: print the JSON Schema of the input.

export async function schemaCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { help: { type: 'boolean', short: 'h' } } });
  if (values.help === true) {
    await write(io.stdout, helpTexts.schema);
    return EXIT_OK;
  }
  await write(io.stdout, `${JSON.stringify(jsonSchema('input'), null, 2)}\n`);
  return EXIT_OK;
}
