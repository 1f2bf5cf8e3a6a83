import { run } from '../cli/run';

describe('validate and score give the same verdict', () => {
  const cases: Record<string, unknown> = {
    'a subject without asOf or events': { subjects: [{ id: 'a' }] },
    'a subject with asOf': { asOf: '2025-06-01T00:00:00Z', subjects: [{ id: 'a' }] },
    'a subject with an event and no asOf': { subjects: [{ id: 'a' }], events: [{ id: 'e', subjectId: 'a', type: 'session', at: '2025-05-01T00:00:00Z' }] },
    'a misspelled field': { asOf: '2025-06-01T00:00:00Z', subjects: [{ id: 'a', identiy: {} }] },
  };
  for (const [name, doc] of Object.entries(cases)) {
    it(name, async () => {
      const stdin = JSON.stringify(doc);
      const validate = await run(['validate', '-'], { stdin });
      const score = await run(['score', '-', '--format', 'json'], { stdin });
      expect(validate.code === 0, `validate: ${validate.stdout}${validate.stderr}`).toBe(score.code === 0);
    });
  }

  it('validate names the missing asOf', async () => {
    const { code, stdout } = await run(['validate', '-'], { stdin: JSON.stringify({ subjects: [{ id: 'a' }] }) });
    expect(code).toBe(2);
    expect(stdout).toContain('asOf');
  });
});
