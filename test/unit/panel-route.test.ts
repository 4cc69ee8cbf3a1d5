import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER } from '../../src/core/history-filter.ts';
import { routeFromHash, routeToHash } from '../../src/core/panel-route.ts';

describe('panel route: the Page traffic view', () => {
  it('reads and writes view=traffic, keeping the filter and dropping a code', () => {
    const route = routeFromHash('#view=traffic&q=abc');
    expect(route.view).toBe('traffic');
    expect(route.filter.text).toBe('abc');
    expect(routeToHash(route)).toBe('#view=traffic&q=abc');
    expect(routeToHash({ view: 'traffic', code: 2001, filter: EMPTY_FILTER })).toBe('#view=traffic');
  });

  it('keeps the other views as they were', () => {
    expect(routeFromHash('#view=codes&code=7').view).toBe('codes');
    expect(routeFromHash('#view=Traffic').view).toBe('requests');
    expect(routeFromHash('#view=').view).toBe('requests');
    expect(routeToHash({ view: 'requests', filter: EMPTY_FILTER })).toBe('');
  });
});
