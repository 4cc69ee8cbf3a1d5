import { viewApi } from './view-api.ts';

/**
 * DevTools' own theme, when this page runs as the DevTools panel; undefined in a tab (which follows the OS
 * colour scheme instead).
 */
export function devtoolsTheme(): 'dark' | 'light' | undefined {
  const themeName = viewApi.devtoolsThemeName();
  if (themeName === undefined) return undefined;
  return themeName === 'dark' ? 'dark' : 'light';
}
