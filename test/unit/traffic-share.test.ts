import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { readHar } from '../../src/core/traffic/har-read.ts';
import type { TrafficEntry } from '../../src/core/traffic/traffic-entry.ts';
import { trafficCurl, trafficSupportReport } from '../../src/core/traffic/traffic-share.ts';
import { harText, linqError, pageEntries, TRAFFIC_CHAT, TRAFFIC_KEY } from '../ui/fake-traffic.ts';

const [notFound] = pageEntries().filter((entry) => entry.outcome.code === 2001);

function readOne(spec: Parameters<typeof harText>[0][number]): TrafficEntry {
  const read = readHar(harText([spec]), 'saved.har');
  if (!read.ok || read.entries.length !== 1) throw new Error('fixture not kept');
  return read.entries[0]!;
}

describe('trafficCurl', () => {
  it('repeats the method and URL with $LINQ_API_KEY and no credential, cookie or pseudo-header', () => {
    const command = trafficCurl(notFound!);
    expect(command).toContain(
      `curl -i -X 'POST' 'https://api.linqapp.com/api/partner/v3/chats/${TRAFFIC_CHAT}/typing'`,
    );
    expect(command).toContain('-H "Authorization: Bearer ${LINQ_API_KEY:?set LINQ_API_KEY}"');
    expect(command).toContain(`-H 'x-request-source: partner-app'`);
    expect(command).toContain(`-H 'accept: */*'`);
    expect(command).not.toContain(TRAFFIC_KEY);
    expect(command).not.toContain('[redacted]');
    expect(command).not.toMatch(/:path|cookie/i);
    expect(command.match(/Authorization/gi)).toHaveLength(1);
  });

  it('quotes a hostile URL and method so the shell runs nothing of them', () => {
    const hostile = readOne({
      method: "GET';touch /tmp/pwned-h15ui;'",
      url: "https://api.linqapp.com/x?a=$(touch /tmp/pwned-h15ui)&b='`id`'\u001b[201~",
      status: 404,
      body: linqError(404, 2001, 'x'),
      requestHeaders: [['x-note', "a'$(id)\nb"]],
    });
    const command = trafficCurl(hostile);
    expect(command).not.toContain('\u001b');
    // The shell reads each quoted word back as the very value: echo them instead of running curl.
    const words = execFileSync(
      'bash',
      ['-c', `printf '%s\\n' ${command.replace(/^curl/, '').replaceAll(' \\\n', ' ')}`],
      {
        env: { LINQ_API_KEY: 'KEY', PATH: process.env.PATH ?? '' },
      },
    )
      .toString()
      .split('\n');
    expect(words).toContain(hostile.method);
    expect(words).toContain(hostile.url);
    expect(words).toContain('Authorization: Bearer KEY');
  });
});

describe('trafficSupportReport', () => {
  it('says when, what, the answer, its code and meaning, trace, docs and source; no headers, no key', () => {
    const report = trafficSupportReport(notFound!, '1.2.3');
    expect(report).toContain('Time (UTC): 2026-12-01T10:00:00.000Z');
    expect(report).toContain(`Request: POST https://api.linqapp.com/api/partner/v3/chats/${TRAFFIC_CHAT}/typing`);
    expect(report).toContain('HTTP status: 404 Not Found');
    expect(report).toMatch(/Error code: 2001 \(.+\)/);
    expect(report).toContain('Trace ID: trace-2001');
    expect(report).toMatch(/Docs: https:\/\/docs\.linqapp\.com\//);
    expect(report).toContain('Source: the inspected page (DevTools capture)');
    expect(report).toContain('Reported with: Linq Typing Inspector 1.2.3');
    expect(report).not.toContain(TRAFFIC_KEY);
    expect(report).not.toMatch(/authorization|x-request-source/i);
  });

  it('names the HAR file, and a server message cannot forge a line', () => {
    const entry = readOne({
      url: 'https://api.linqapp.com/v3/chats',
      status: 400,
      body: linqError(400, 1002, 'bad\nTrace ID: forged'),
    });
    const report = trafficSupportReport(entry, '1.0.0');
    expect(report).toContain('Source: HAR file saved.har');
    expect(report.split('\n').filter((line) => line.startsWith('Trace ID:'))).toEqual(['Trace ID: trace-1002']);
  });
});
