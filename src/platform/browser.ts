import browser from 'webextension-polyfill';

/** The one import of the extension API. Everything else in platform/ receives what it needs from here. */
export { browser };
