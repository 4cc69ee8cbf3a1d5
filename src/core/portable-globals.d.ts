/**
 * The only globals src/core may use beyond ECMAScript: WHATWG APIs that every runtime it runs in has (extension
 * pages, the service worker, Node for the unit tests). src/core/tsconfig.json type-checks core against ES and this
 * file alone, so a DOM or Chrome API used in core fails `npm run typecheck`. The main tsconfig excludes this file
 * (the DOM library declares the same names).
 */
interface URLSearchParams {
  append(name: string, value: string): void;
  get(name: string): string | null;
  getAll(name: string): string[];
  has(name: string): boolean;
  set(name: string, value: string): void;
  toString(): string;
  [Symbol.iterator](): IterableIterator<[string, string]>;
}
declare var URLSearchParams: {
  prototype: URLSearchParams;
  new (init?: string | Record<string, string> | Array<[string, string]>): URLSearchParams;
};

interface URL {
  hash: string;
  host: string;
  hostname: string;
  href: string;
  readonly origin: string;
  password: string;
  pathname: string;
  port: string;
  protocol: string;
  search: string;
  readonly searchParams: URLSearchParams;
  username: string;
  toString(): string;
}
declare var URL: { prototype: URL; new (url: string | URL, base?: string | URL): URL };

interface TextEncoder {
  encode(input?: string): Uint8Array;
}
declare var TextEncoder: { prototype: TextEncoder; new (): TextEncoder };

declare function btoa(data: string): string;
