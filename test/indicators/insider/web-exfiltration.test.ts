import { webExfiltration } from '../../../src/index';
import { IndicatorTester } from '../../../src/testing/index';

const web = (at: string, category: string, action: string, fields: Record<string, unknown> = {}) => ({ type: 'web', at, category, action, ...fields });

new IndicatorTester({ asOf: '2025-06-01T00:00:00Z' }).run(webExfiltration, {
  valid: [
    {
      name: 'visits to file-sharing and personal cloud (a customer shares a link)',
      events: [web('2025-05-02T10:00:00Z', 'file-sharing', 'visit'), web('2025-05-03T10:00:00Z', 'personal-cloud', 'download')],
    },
    {
      name: 'job-board browsing is never a risk here',
      events: [web('2025-05-02T10:00:00Z', 'job-board', 'visit'), web('2025-05-02T11:00:00Z', 'job-board', 'upload', { bytesOut: 2e5 })],
    },
    {
      name: "uploads to the organisation's sanctioned tenant",
      events: [web('2025-05-02T10:00:00Z', 'file-sharing', 'upload', { host: 'Acme.Box.com', bytesOut: 5e9 })],
      options: { allowedHosts: ['acme.box.com'] },
    },
  ],
  invalid: [
    {
      name: 'an upload to a leak site outweighs a visit to one',
      events: [
        web('2025-05-02T10:00:00Z', 'leak-site', 'visit', { host: 'leaks.example' }),
        web('2025-05-02T10:05:00Z', 'leak-site', 'upload', { host: 'leaks.example', bytesOut: 1e9 }),
      ],
      findings: [
        { messageId: 'uploads', strength: [0.99, 1], data: { count: 1, category: 'leak sites', volume: '1 GB', hosts: 'leaks.example' } },
        { messageId: 'visits', strength: 0.3, data: { count: 1, category: 'leak sites' } },
      ],
    },
    {
      name: 'blocked paste-site uploads still count',
      events: [web('2025-05-02T10:00:00Z', 'paste-site', 'upload', { host: 'paste.example', blocked: true })],
      findings: [{ messageId: 'uploads', strength: 0.6, data: { blocked: ', 1 blocked', volume: 'volume unknown' } }],
    },
    {
      name: 'uploads to personal cloud scale with volume',
      events: [
        web('2025-05-02T10:00:00Z', 'personal-cloud', 'upload', { host: 'drive.example', bytesOut: 1e6 }),
        web('2025-05-03T10:00:00Z', 'personal-cloud', 'upload', { bytesOut: 9e6 }),
      ],
      findings: [{ messageId: 'uploads', strength: [0.46, 0.47], data: { count: 2, volume: '10 MB', hosts: 'drive.example, host not logged' } }],
    },
  ],
  notEvaluated: [
    {
      name: 'web events without categories',
      events: [{ type: 'web', at: '2025-05-02T10:00:00Z', action: 'visit', host: 'example.com' }],
      missing: ['events[type=web].category'],
    },
  ],
});
