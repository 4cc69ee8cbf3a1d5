import { useEffect, useState } from 'preact/hooks';

/** Set once any component has seen the page's first frame; what mounts later has no first frame to wait for. */
let firstFrameShown = false;

/**
 * false in the first render, true right after the first frame: for content that frame cannot show (a closed
 * menu's choices, a closed disclosure's controls), which then costs the opening nothing. A plain effect runs
 * after the browser has painted.
 */
export function useAfterFirstFrame(): boolean {
  const [after, setAfter] = useState(firstFrameShown);
  useEffect(() => {
    firstFrameShown = true;
    setAfter(true);
  }, []);
  return after;
}
