import { Component, h, type ComponentType, type FunctionComponent } from 'preact';
import { useCallback, useRef } from 'preact/hooks';

function shallowEqual(a: object, b: object): boolean {
  const aKeys = Object.keys(a);
  if (aKeys.length !== Object.keys(b).length) return false;
  return aKeys.every((key) => Object.is((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/**
 * `Inner`, re-rendered only when one of its props changed. The whole view re-renders on every keystroke and
 * every result; a history list that did not change then costs nothing. (preact/compat's memo does the same,
 * but importing compat would add its React shims to the popup's first load.)
 */
export function pure<P extends object>(Inner: FunctionComponent<P>): ComponentType<P> {
  return class Pure extends Component<P> {
    override shouldComponentUpdate(next: P): boolean {
      return !shallowEqual(this.props, next);
    }
    override render(props: P) {
      return h(Inner, props);
    }
  };
}

/** A function that keeps its identity across renders but always calls the latest `fn`, for pure children. */
export function useStableCallback<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const latest = useRef(fn);
  latest.current = fn;
  return useCallback((...args: A) => latest.current(...args), []);
}
