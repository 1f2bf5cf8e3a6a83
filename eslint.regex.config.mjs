// The ReDoS check (`npm run check:regex`): every regular expression in src/, literal or
// `new RegExp('...')`, must run in linear time on any input. Only the two rules of
// eslint-plugin-regexp that find super-linear matching are on; this is not a style lint.
import tsParser from '@typescript-eslint/parser';
import regexp from 'eslint-plugin-regexp';

export default [
  {
    files: ['src/**/*.ts'],
    languageOptions: { parser: tsParser },
    plugins: { regexp },
    // No inline `eslint-disable`: a regex cannot be exempted by a comment in the file itself.
    linterOptions: { noInlineConfig: true },
    rules: {
      // Backtracking that can take polynomial time within one match attempt: /(a+)+$/, /\s*a?\s*$/.
      'regexp/no-super-linear-backtracking': ['error', { report: 'potential' }],
      // A quantifier that can run to the end of the input from every start position of a
      // scanning regex, which makes the whole search quadratic: /%.*$/ on '%%%%...\n'.
      'regexp/no-super-linear-move': ['error', { report: 'potential', ignoreSticky: false, ignorePartial: false }],
      // A pattern built at run time cannot be checked here: build regular expressions from literals.
      'no-restricted-syntax': [
        'error',
        {
          selector: ":matches(NewExpression, CallExpression)[callee.name='RegExp'][arguments.0.type!='Literal']",
          message: 'RegExp from a computed pattern: the ReDoS check cannot read it. Use a literal, or plain string code.',
        },
      ],
    },
  },
];
