import { resumeSimilarity } from '../../../src/index';
import { IndicatorTester } from '../../../src/testing/index';

const RESUME =
  'Senior full stack engineer with eight years of experience building scalable web applications with React, Node.js and AWS. Led a team of five developers delivering a fintech payments platform, improved API performance by forty percent, and mentored junior engineers in code review and testing practices.';
const OTHER =
  'Data analyst who enjoys turning messy spreadsheets into dashboards. Experienced with SQL, Tableau and Python; previously at a regional retail chain forecasting seasonal demand and building inventory reports for store managers.';
const THIRD =
  'Mobile developer focused on Kotlin and Swift, shipped three consumer apps with over a million downloads, and maintains an open-source library for offline synchronisation of local databases.';

new IndicatorTester({ asOf: '2025-06-01T00:00:00Z' }).run(resumeSimilarity, {
  valid: [
    {
      name: 'unrelated resumes',
      subject: { resumeText: RESUME },
      population: {
        subjects: [
          { id: 'a', resumeText: OTHER },
          { id: 'b', resumeText: THIRD },
        ],
      },
    },
    {
      name: 'a shared boilerplate sentence alone is not a near-duplicate',
      subject: { resumeText: `${OTHER} References available on request.` },
      population: { subjects: [{ id: 'a', resumeText: `${THIRD} References available on request.` }] },
    },
  ],
  invalid: [
    {
      name: 'one template under three personas',
      subject: { resumeText: RESUME },
      population: {
        subjects: [
          { id: 'a', resumeText: RESUME.replace('eight years', 'nine years') },
          { id: 'b', resumeText: RESUME.toUpperCase().replace('FIVE DEVELOPERS', 'SIX DEVELOPERS') },
          { id: 'c', resumeText: OTHER },
        ],
      },
      findings: [{ messageId: 'nearDuplicate', strength: [0.5, 0.7], data: { count: 3, others: 'a, b' }, evidence: ['subject-1', 'a', 'b'] }],
    },
  ],
  notEvaluated: [
    { name: 'no resume text', subject: {}, missing: ['resumeText'] },
    { name: 'alone in the batch', subject: { resumeText: RESUME }, missing: ['population'] },
  ],
});
