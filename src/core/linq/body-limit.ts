/** How much of a response body is kept: enough to read an error page, never megabytes. */
export const BODY_PREVIEW_MAX = 16 * 1024;
/** How much of one header from outside (a history file, a HAR file, the page's traffic) is kept. */
export const HEADER_NAME_MAX = 256;
export const HEADER_VALUE_MAX = 4096;
