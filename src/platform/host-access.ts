/** Host access for a base URL: built-in hosts are granted at install; any other needs a click-time request. */
export function originPattern(baseUrl: string): string | undefined {
  try {
    const url = new URL(baseUrl);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    // A pattern without a port matches every port, which is what an operator means by a host.
    return `${url.protocol}//${url.hostname}/*`;
  } catch {
    return undefined;
  }
}

/** The slice of the permissions API used here; both chrome.permissions and the polyfill's fit it. */
export interface PermissionsLike {
  contains(permissions: { origins: string[] }): Promise<boolean>;
  request(permissions: { origins: string[] }): Promise<boolean>;
}

export interface HostAccess {
  has(baseUrl: string): Promise<boolean>;
  /** Must run inside the click handler: Chrome only shows its prompt for a user gesture. */
  request(baseUrl: string): Promise<boolean>;
}

export function createHostAccess(permissions: PermissionsLike): HostAccess {
  return {
    async has(baseUrl) {
      const pattern = originPattern(baseUrl);
      return pattern !== undefined && permissions.contains({ origins: [pattern] });
    },
    async request(baseUrl) {
      const pattern = originPattern(baseUrl);
      return pattern !== undefined && permissions.request({ origins: [pattern] });
    },
  };
}

/**
 * The worker checks host access on every request (about 1 ms each). Grants it has seen are remembered until
 * Chrome reports any permission removed; a refusal is never remembered, so a new grant counts at once.
 */
export function rememberGrants(access: HostAccess, onRemoved: { addListener(listener: () => void): void }): HostAccess {
  const granted = new Set<string>();
  let removals = 0;
  onRemoved.addListener(() => {
    removals += 1;
    granted.clear();
  });
  return {
    async has(baseUrl) {
      const pattern = originPattern(baseUrl);
      if (pattern !== undefined && granted.has(pattern)) return true;
      const removalsBefore = removals;
      const has = await access.has(baseUrl);
      if (has && pattern !== undefined && removals === removalsBefore) granted.add(pattern);
      return has;
    },
    request: (baseUrl) => access.request(baseUrl),
  };
}
