import { resumeAnachronism } from '../../../src/index';
import { IndicatorTester } from '../../../src/testing/index';

new IndicatorTester({ asOf: '2025-06-01T00:00:00Z' }).run(resumeAnachronism, {
  valid: [
    {
      name: 'a job that started before React but continued after it',
      subject: { employment: [{ id: 'j1', organisation: 'Acme', start: '2010', end: '2018', technologies: ['React', 'jQuery'] }] },
    },
    { name: 'a current job', subject: { employment: [{ id: 'j1', organisation: 'Acme', start: '2005', technologies: ['Kubernetes'] }] } },
    { name: 'plausible years of a skill', subject: { appliedAt: '2025-05-01T00:00:00Z', skills: [{ name: 'TypeScript', years: 8 }] } },
    {
      name: 'a years figure rounded up: 3 years of viem (2023) claimed in May 2025',
      subject: { appliedAt: '2025-05-01T00:00:00Z', skills: [{ name: 'viem', years: 3 }] },
    },
    { name: 'unknown technologies are ignored', subject: { skills: [{ name: 'AcmeInternalFramework', since: '1999' }] } },
    {
      name: '"Angular" is read conservatively as AngularJS',
      subject: { employment: [{ id: 'j1', organisation: 'Acme', start: '2011', end: '2013', technologies: ['Angular'] }] },
    },
  ],
  invalid: [
    {
      name: 'Kubernetes in a job that ended in 2012',
      subject: { employment: [{ id: 'j1', organisation: 'Acme', role: 'DevOps engineer', start: '2009', end: '2012-06', technologies: ['kubernetes'] }] },
      findings: [
        {
          messageId: 'employment',
          data: { technology: 'Kubernetes', released: 2014 },
          message: 'Kubernetes is listed for DevOps engineer at Acme (2009 to 2012-06), but Kubernetes was first released in 2014',
          evidence: ['j1'],
        },
      ],
    },
    {
      name: 'eighteen years of Rust claimed in 2025',
      subject: { appliedAt: '2025-05-01T00:00:00Z', skills: [{ name: 'Rust', years: 18 }] },
      findings: [
        {
          messageId: 'skillYears',
          data: { technology: 'Rust', years: 18, released: 2010, from: 2007 },
          message: '18 years of Rust are claimed as of 2025-05-01 (since about 2007), but it was first released in 2010',
          evidence: ['subject-1'],
        },
      ],
    },
    {
      name: 'a skill claimed since before it existed',
      subject: { skills: [{ name: 'Go', since: '2005' }] },
      findings: [{ messageId: 'skillSince', strength: 1, data: { since: '2005', released: 2009 } }],
    },
    {
      name: 'callers can extend the table',
      subject: { skills: [{ name: 'AcmeFlow', since: '2015' }] },
      options: { extraTechnologies: [{ name: 'AcmeFlow', firstPublicRelease: 2019 }] },
      findings: [{ messageId: 'skillSince', data: { technology: 'AcmeFlow' } }],
    },
  ],
  notEvaluated: [{ name: 'no technologies claimed', subject: { employment: [{ id: 'j1', organisation: 'Acme' }] } }],
});
