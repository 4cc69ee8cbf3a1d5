/** The browser, in the views' own words: its name, and where its site access is managed (a build constant). */
export const BROWSER = LINQ_FIREFOX_BUILD
  ? { name: 'Firefox', siteAccess: 'about:addons, under Permissions' }
  : { name: 'Chrome', siteAccess: 'chrome://extensions, Site access' };
